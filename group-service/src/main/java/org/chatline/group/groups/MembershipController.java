package org.chatline.group.groups;

import java.util.UUID;

import jakarta.validation.Valid;
import org.chatline.common.api.ApiResponse;
import org.chatline.common.security.AuthenticatedUser;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/groups/{id}")
class MembershipController {

	private final MembershipService memberships;

	MembershipController(MembershipService memberships) {
		this.memberships = memberships;
	}

	@PostMapping("/members")
	ApiResponse<Void> add(AuthenticatedUser caller, @PathVariable UUID id, @Valid @RequestBody AddMemberRequest body) {
		memberships.add(caller, id, body);
		return ApiResponse.ok("Member added successfully", null);
	}

	@PatchMapping("/members/{userId}")
	ApiResponse<GroupDetails.MemberView> changeRole(AuthenticatedUser caller, @PathVariable UUID id,
			@PathVariable UUID userId, @Valid @RequestBody ChangeRoleRequest body) {
		return ApiResponse.ok("Member role updated successfully", memberships.changeRole(caller, id, userId, body));
	}

	@DeleteMapping("/members/{userId}")
	ApiResponse<Void> remove(AuthenticatedUser caller, @PathVariable UUID id, @PathVariable UUID userId) {
		memberships.remove(caller, id, userId);
		return ApiResponse.ok("Member removed successfully", null);
	}

	@PostMapping("/leave")
	ApiResponse<Void> leave(AuthenticatedUser caller, @PathVariable UUID id) {
		memberships.leave(caller, id);
		return ApiResponse.ok("Left group successfully", null);
	}

	@PostMapping("/join")
	ApiResponse<Void> join(AuthenticatedUser caller, @PathVariable UUID id) {
		memberships.join(caller, id);
		return ApiResponse.ok("Joined group successfully", null);
	}
}
