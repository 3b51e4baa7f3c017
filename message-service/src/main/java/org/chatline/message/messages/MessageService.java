package org.chatline.message.messages;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.chatline.common.api.ApiException;
import org.chatline.common.api.PageResponse;
import org.chatline.common.api.Paging;
import org.chatline.common.events.EventTypes;
import org.chatline.common.events.MessageCreatedEvent;
import org.chatline.common.events.Topics;
import org.chatline.common.outbox.OutboxWriter;
import org.chatline.common.security.AuthenticatedUser;
import org.chatline.message.users.UserDirectory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class MessageService {

	static final int MAX_METADATA_BYTES = 4096;

	private final MessageRepository messages;

	private final UserDirectory users;

	private final OutboxWriter outbox;

	private final JsonMapper json;

	MessageService(MessageRepository messages, UserDirectory users, OutboxWriter outbox, JsonMapper json) {
		this.messages = messages;
		this.users = users;
		this.outbox = outbox;
		this.json = json;
	}

	/** The stored message, and whether this call created it (false: an idempotent retry). */
	record Sent(MessageResponse message, boolean created) {
	}

	@Transactional
	public Sent send(AuthenticatedUser caller, SendMessageRequest request, String idempotencyKey) {
		String clientId = request.clientMessageId() != null ? request.clientMessageId() : idempotencyKey;
		if (clientId != null) {
			if (clientId.isBlank() || clientId.length() > 100) {
				throw ApiException.validation("clientMessageId: must be 1-100 characters");
			}
			var existing = messages.findByClientId(caller.id(), clientId);
			if (existing.isPresent()) {
				return new Sent(MessageResponse.of(existing.get()), false);
			}
		}
		if ((request.receiverId() == null) == (request.groupId() == null)) {
			throw ApiException.validation("Exactly one of receiverId or groupId is required");
		}
		if (request.groupId() != null) {
			// Group conversations arrive with group-service's membership events.
			throw ApiException.notFound("Group not found");
		}
		if (request.content().isBlank()) {
			throw ApiException.validation("content: must not be blank");
		}
		if (request.metadata() != null && json.writeValueAsBytes(request.metadata()).length > MAX_METADATA_BYTES) {
			throw ApiException.validation("metadata: must be at most " + MAX_METADATA_BYTES + " bytes of JSON");
		}
		UUID receiverId = request.receiverId();
		if (receiverId.equals(caller.id())) {
			throw ApiException.validation("receiverId: must be another user");
		}
		if (!users.exists(receiverId)) {
			throw ApiException.notFound("Receiver not found");
		}
		String conversationId = Message.directConversation(caller.id(), receiverId);
		if (request.parentId() != null) {
			messages.findById(request.parentId())
				.filter(parent -> parent.conversationId().equals(conversationId))
				.orElseThrow(() -> ApiException.notFound("Parent message not found"));
		}
		Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
		Message message = new Message(UUID.randomUUID(), conversationId, messages.nextSeq(conversationId), caller.id(),
				receiverId, null, request.parentId(), request.content(), request.typeOrDefault(), "SENT",
				request.metadata(), clientId, false, false, now, now);
		messages.insert(message);
		outbox.append(Topics.MESSAGES, conversationId, EventTypes.MESSAGE_CREATED, caller.id(),
				new MessageCreatedEvent(message.id(), conversationId, message.seq(), message.senderId(),
						message.receiverId(), message.groupId(), message.parentId(), message.content(), message.type(),
						message.status(), message.metadata(), message.createdAt()));
		return new Sent(MessageResponse.of(message), true);
	}

	@Transactional(readOnly = true)
	public MessageResponse get(AuthenticatedUser caller, UUID id) {
		return messages.findById(id)
			.filter(m -> m.isParticipant(caller.id()))
			.map(MessageResponse::of)
			.orElseThrow(() -> ApiException.notFound("Message not found"));
	}

	@Transactional(readOnly = true)
	public PageResponse<MessageResponse> direct(AuthenticatedUser caller, UUID otherUserId, Paging paging) {
		String conversationId = Message.directConversation(caller.id(), otherUserId);
		List<MessageResponse> page = messages.history(conversationId, paging.limit(), paging.offset())
			.stream()
			.map(MessageResponse::of)
			.toList();
		return PageResponse.of(page, paging, messages.count(conversationId));
	}
}
