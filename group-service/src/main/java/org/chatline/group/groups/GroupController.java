package org.chatline.group.groups;

import java.util.UUID;

import jakarta.validation.Valid;
import org.chatline.common.api.ApiResponse;
import org.chatline.common.api.PageResponse;
import org.chatline.common.api.Paging;
import org.chatline.common.security.AuthenticatedUser;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/groups")
class GroupController {

	private final GroupService groups;

	GroupController(GroupService groups) {
		this.groups = groups;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	ApiResponse<GroupResponse> create(AuthenticatedUser caller, @Valid @RequestBody CreateGroupRequest body) {
		return ApiResponse.ok("Group created successfully", groups.create(caller, body));
	}

	@GetMapping("/{id}")
	ApiResponse<GroupDetails> get(AuthenticatedUser caller, @PathVariable UUID id) {
		return ApiResponse.ok(groups.get(caller, id));
	}

	@GetMapping
	PageResponse<GroupSummary> mine(AuthenticatedUser caller, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer limit) {
		return groups.mine(caller, Paging.of(page, limit));
	}

	@PatchMapping("/{id}")
	ApiResponse<GroupResponse> update(AuthenticatedUser caller, @PathVariable UUID id,
			@Valid @RequestBody UpdateGroupRequest body) {
		return ApiResponse.ok("Group updated successfully", groups.update(caller, id, body));
	}

	@DeleteMapping("/{id}")
	ApiResponse<Void> delete(AuthenticatedUser caller, @PathVariable UUID id) {
		groups.delete(caller, id);
		return ApiResponse.ok("Group deleted successfully", null);
	}
}
