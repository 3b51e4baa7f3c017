package org.chatline.call.calls;

import java.util.UUID;

import jakarta.validation.Valid;
import org.chatline.common.api.ApiResponse;
import org.chatline.common.api.PageResponse;
import org.chatline.common.api.Paging;
import org.chatline.common.security.AuthenticatedUser;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/calls")
class CallController {

	private final CallService calls;

	CallController(CallService calls) {
		this.calls = calls;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	ApiResponse<CallSession> initiate(AuthenticatedUser caller, @Valid @RequestBody CreateCallRequest body) {
		return ApiResponse.ok("Call initiated successfully", calls.initiate(caller, body));
	}

	@GetMapping("/{id}")
	ApiResponse<CallResponse> get(AuthenticatedUser caller, @PathVariable UUID id) {
		return ApiResponse.ok(calls.get(caller, id));
	}

	@GetMapping
	PageResponse<CallSummary> history(AuthenticatedUser caller, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer limit) {
		return calls.history(caller, Paging.of(page, limit));
	}

	@PostMapping("/{id}/join")
	ApiResponse<CallSession> join(AuthenticatedUser caller, @PathVariable UUID id) {
		return ApiResponse.ok("Joined call successfully", calls.join(caller, id));
	}

	@PostMapping("/{id}/end")
	ApiResponse<EndedCall> end(AuthenticatedUser caller, @PathVariable UUID id) {
		return ApiResponse.ok("Call ended successfully", calls.end(caller, id));
	}

	@PostMapping("/{id}/leave")
	ApiResponse<Void> leave(AuthenticatedUser caller, @PathVariable UUID id) {
		calls.leave(caller, id);
		return ApiResponse.ok("Left call successfully", null);
	}

	@PostMapping("/{id}/reject")
	ApiResponse<RejectedCall> reject(AuthenticatedUser caller, @PathVariable UUID id) {
		return ApiResponse.ok("Call rejected", calls.reject(caller, id));
	}
}
