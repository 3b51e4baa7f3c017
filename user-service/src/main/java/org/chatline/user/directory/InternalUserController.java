package org.chatline.user.directory;

import java.util.UUID;

import jakarta.validation.Valid;
import org.chatline.common.api.ApiResponse;
import org.chatline.common.security.ServiceCaller;
import org.chatline.user.api.UserResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Service-to-service API (never routed by the gateway, service token required, see common-lib's
 * {@code AuthenticationFilter}): reads for the services that need them; creating and deleting
 * accounts only for auth-service, whose registration and compensation are the only reasons to.
 */
@RestController
@RequestMapping("/internal/users")
class InternalUserController {

	private static final String AUTH_SERVICE = "auth-service";

	/** auth-service (login) and the services whose user projection may miss; e-mails go nowhere else. */
	private static final String[] READERS = { AUTH_SERVICE, "message-service", "group-service", "call-service",
			"attachment-service" };

	private final UserService users;

	InternalUserController(UserService users) {
		this.users = users;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	ApiResponse<UserResponse> create(ServiceCaller caller, @Valid @RequestBody CreateUserRequest request) {
		caller.require(AUTH_SERVICE);
		return ApiResponse.ok(response(users.create(request)));
	}

	@GetMapping("/{id}")
	ApiResponse<UserResponse> get(ServiceCaller caller, @PathVariable UUID id) {
		caller.require(READERS);
		return ApiResponse.ok(response(users.get(id)));
	}

	@DeleteMapping("/{id}")
	ApiResponse<Void> delete(ServiceCaller caller, @PathVariable UUID id) {
		caller.require(AUTH_SERVICE);
		users.delete(id);
		return ApiResponse.ok("User deleted successfully", null);
	}

	private static UserResponse response(User user) {
		return new UserResponse(user.getId(), user.getUsername(), user.getEmail(), user.getAvatar(),
				user.getStatusMessage(), user.getRole(), user.isOnline(), user.getLastSeen(), user.getCreatedAt(),
				user.getUpdatedAt());
	}
}
