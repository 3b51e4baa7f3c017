package org.chatline.message.messages;

import java.util.UUID;

import jakarta.validation.Valid;
import org.chatline.common.api.ApiResponse;
import org.chatline.common.api.PageResponse;
import org.chatline.common.api.Paging;
import org.chatline.common.security.AuthenticatedUser;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/messages")
class MessageController {

	private final MessageService messages;

	MessageController(MessageService messages) {
		this.messages = messages;
	}

	@PostMapping
	ResponseEntity<ApiResponse<MessageResponse>> send(AuthenticatedUser caller,
			@Valid @RequestBody SendMessageRequest body,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
		MessageService.Sent sent = messages.send(caller, body, idempotencyKey);
		return sent.created()
				? ResponseEntity.status(HttpStatus.CREATED).body(ApiResponse.ok("Message sent successfully", sent.message()))
				: ResponseEntity.ok(ApiResponse.ok("Message already sent", sent.message()));
	}

	@GetMapping("/{id}")
	ApiResponse<MessageResponse> get(AuthenticatedUser caller, @PathVariable UUID id) {
		return ApiResponse.ok(messages.get(caller, id));
	}

	@GetMapping("/direct/{otherUserId}")
	PageResponse<MessageResponse> direct(AuthenticatedUser caller, @PathVariable UUID otherUserId,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer limit) {
		return messages.direct(caller, otherUserId, Paging.of(page, limit));
	}
}
