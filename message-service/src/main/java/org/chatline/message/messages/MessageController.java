package org.chatline.message.messages;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.chatline.common.api.ApiException;
import org.chatline.common.api.ApiResponse;
import org.chatline.common.api.PageResponse;
import org.chatline.common.api.Paging;
import org.chatline.common.security.AuthenticatedUser;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
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

	private final InteractionService interactions;

	private final SyncService sync;

	private final SearchService search;

	MessageController(MessageService messages, InteractionService interactions, SyncService sync, SearchService search) {
		this.messages = messages;
		this.interactions = interactions;
		this.sync = sync;
		this.search = search;
	}

	record EditMessageRequest(
			@NotNull(message = "is required") @Size(min = 1, max = 5000, message = "must be 1-5000 characters") String content) {
	}

	record ReactionRequest(@NotNull(message = "is required") String emoji) {
	}

	@PostMapping
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "201", description = "Message sent")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200",
			description = "Sent before with this clientMessageId (or Idempotency-Key): the original message")
	ResponseEntity<ApiResponse<MessageResponse>> send(AuthenticatedUser caller,
			@Valid @RequestBody SendMessageRequest body,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
		MessageService.Sent sent = messages.send(caller, body, idempotencyKey);
		return sent.created()
				? ResponseEntity.status(HttpStatus.CREATED).body(ApiResponse.ok("Message sent successfully", sent.message()))
				: ResponseEntity.ok(ApiResponse.ok("Message already sent", sent.message()));
	}

	@GetMapping("/search")
	PageResponse<MessageResponse> search(AuthenticatedUser caller, @RequestParam String query,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer limit) {
		return search.search(caller, query, Paging.of(page, limit));
	}

	@GetMapping("/sync")
	ApiResponse<SyncService.SyncPage> sync(AuthenticatedUser caller, @RequestParam(required = false) String since,
			@RequestParam(required = false) Integer limit) {
		return ApiResponse.ok(sync.since(caller, since, Paging.of(1, limit == null ? Paging.MAX_LIMIT : limit).limit()));
	}

	@GetMapping("/{id}")
	ApiResponse<MessageResponse> get(AuthenticatedUser caller, @PathVariable UUID id) {
		return ApiResponse.ok(messages.get(caller, id));
	}

	@GetMapping("/direct/{otherUserId}")
	PageResponse<MessageResponse> direct(AuthenticatedUser caller, @PathVariable UUID otherUserId,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer limit,
			@RequestParam(required = false) Long before, @RequestParam(required = false) Long after) {
		return messages.direct(caller, otherUserId, Paging.of(page, limit), sequence("before", before),
				sequence("after", after));
	}

	@GetMapping("/group/{groupId}")
	PageResponse<MessageResponse> group(AuthenticatedUser caller, @PathVariable UUID groupId,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer limit,
			@RequestParam(required = false) Long before, @RequestParam(required = false) Long after) {
		return messages.group(caller, groupId, Paging.of(page, limit), sequence("before", before),
				sequence("after", after));
	}

	@PatchMapping("/{id}")
	ApiResponse<MessageResponse> edit(AuthenticatedUser caller, @PathVariable UUID id,
			@Valid @RequestBody EditMessageRequest body) {
		return ApiResponse.ok("Message edited successfully", messages.edit(caller, id, body.content()));
	}

	@DeleteMapping("/{id}")
	ApiResponse<Void> delete(AuthenticatedUser caller, @PathVariable UUID id) {
		messages.delete(caller, id);
		return ApiResponse.ok("Message deleted successfully", null);
	}

	@PostMapping("/{id}/delivered")
	ApiResponse<InteractionService.ReceiptStatus> delivered(AuthenticatedUser caller, @PathVariable UUID id) {
		return ApiResponse.ok(interactions.mark(caller, id, false));
	}

	@PostMapping("/{id}/seen")
	ApiResponse<InteractionService.ReceiptStatus> seen(AuthenticatedUser caller, @PathVariable UUID id) {
		return ApiResponse.ok(interactions.mark(caller, id, true));
	}

	@PostMapping("/{id}/react")
	ApiResponse<Void> react(AuthenticatedUser caller, @PathVariable UUID id, @Valid @RequestBody ReactionRequest body) {
		interactions.react(caller, id, body.emoji(), true);
		return ApiResponse.ok("Reaction added", null);
	}

	@DeleteMapping("/{id}/react")
	ApiResponse<Void> unreact(AuthenticatedUser caller, @PathVariable UUID id, @Valid @RequestBody ReactionRequest body) {
		interactions.react(caller, id, body.emoji(), false);
		return ApiResponse.ok("Reaction removed", null);
	}

	/** A history cursor is a message's sequence number: never negative. */
	private static Long sequence(String name, Long value) {
		if (value != null && value < 0) {
			throw ApiException.validation(name + ": must be a message sequence number (0 or more)");
		}
		return value;
	}
}
