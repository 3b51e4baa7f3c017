package org.chatline.user.directory;

import java.util.UUID;

import jakarta.validation.Valid;
import org.chatline.common.api.ApiResponse;
import org.chatline.common.api.PageResponse;
import org.chatline.common.api.Paging;
import org.chatline.common.security.AuthenticatedUser;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The contract's user endpoints; every one needs an access token. */
@RestController
@RequestMapping("/api/v1/users")
class UserController {

	private final UserService users;

	UserController(UserService users) {
		this.users = users;
	}

	@GetMapping
	PageResponse<UserSummary> search(@RequestParam String query, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer limit) {
		return users.search(query, Paging.of(page, limit));
	}

	@GetMapping("/{id}")
	ApiResponse<PublicProfile> get(@PathVariable UUID id) {
		return ApiResponse.ok(PublicProfile.of(users.get(id)));
	}

	@PatchMapping("/{id}")
	ApiResponse<UpdatedProfile> update(@PathVariable UUID id, @Valid @RequestBody UpdateUserRequest request,
			AuthenticatedUser caller) {
		return ApiResponse.ok("User updated successfully", UpdatedProfile.of(users.update(id, caller.id(), request)));
	}

	@DeleteMapping("/{id}")
	ApiResponse<Void> delete(@PathVariable UUID id, AuthenticatedUser caller) {
		users.delete(id, caller.id());
		return ApiResponse.ok("User deleted successfully", null);
	}

	@GetMapping("/{id}/presence")
	ApiResponse<Presence> presence(@PathVariable UUID id) {
		return ApiResponse.ok(Presence.of(users.get(id)));
	}
}
