package org.chatline.auth.account;

import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import jakarta.validation.Valid;
import org.chatline.auth.account.AuthResponses.LoginResult;
import org.chatline.auth.account.AuthResponses.Me;
import org.chatline.auth.account.AuthResponses.RegisteredUser;
import org.chatline.auth.session.TokenPair;
import org.chatline.common.api.ApiResponse;
import org.chatline.common.security.AuthenticatedUser;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The contract's authentication endpoints. register, login and refresh need no access token. */
@RestController
@RequestMapping("/api/v1/auth")
class AuthController {

	private final AuthService auth;

	private final RegistrationService registration;

	AuthController(AuthService auth, RegistrationService registration) {
		this.auth = auth;
		this.registration = registration;
	}

	@PostMapping("/register")
	@SecurityRequirements // public: no access token
	@ResponseStatus(HttpStatus.CREATED)
	ApiResponse<RegisteredUser> register(@Valid @RequestBody RegisterRequest request) {
		return ApiResponse.ok("User registered successfully", RegisteredUser.of(registration.register(request)));
	}

	@PostMapping("/login")
	@SecurityRequirements // public: no access token
	ApiResponse<LoginResult> login(@Valid @RequestBody LoginRequest request) {
		return ApiResponse.ok("Login successful", auth.login(request));
	}

	@PostMapping("/refresh")
	@SecurityRequirements // public: no access token
	ApiResponse<TokenPair> refresh(@Valid @RequestBody RefreshTokenRequest request) {
		return ApiResponse.ok("Token refreshed successfully", auth.refresh(request.refreshToken()));
	}

	@PostMapping("/logout")
	ApiResponse<Void> logout(@Valid @RequestBody RefreshTokenRequest request, AuthenticatedUser caller) {
		auth.logout(caller.id(), request.refreshToken());
		return ApiResponse.ok("Logout successful", null);
	}

	@PostMapping("/logout-all")
	ApiResponse<Void> logoutAll(AuthenticatedUser caller) {
		auth.logoutAll(caller.id());
		return ApiResponse.ok("Logged out from all devices", null);
	}

	@GetMapping("/me")
	ApiResponse<Me> me(AuthenticatedUser caller) {
		return ApiResponse.ok(Me.of(auth.me(caller.id())));
	}
}
