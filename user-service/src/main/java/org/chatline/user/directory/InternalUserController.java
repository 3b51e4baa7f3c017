package org.chatline.user.directory;

import java.util.UUID;

import jakarta.validation.Valid;
import org.chatline.common.api.ApiResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Service-to-service API (never routed by the gateway): used by auth-service's registration and login. */
@RestController
@RequestMapping("/internal/users")
class InternalUserController {

	private final UserService users;

	InternalUserController(UserService users) {
		this.users = users;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	ApiResponse<UserResponse> create(@Valid @RequestBody CreateUserRequest request) {
		return ApiResponse.ok(UserResponse.of(users.create(request)));
	}

	@GetMapping("/{id}")
	ApiResponse<UserResponse> get(@PathVariable UUID id) {
		return ApiResponse.ok(UserResponse.of(users.get(id)));
	}

	@DeleteMapping("/{id}")
	ApiResponse<Void> delete(@PathVariable UUID id) {
		users.delete(id);
		return ApiResponse.ok("User deleted successfully", null);
	}
}
