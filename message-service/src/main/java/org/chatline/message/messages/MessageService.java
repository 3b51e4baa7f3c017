package org.chatline.message.messages;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.chatline.common.api.ApiException;
import org.chatline.common.api.PageResponse;
import org.chatline.common.api.Paging;
import org.chatline.common.events.EventTypes;
import org.chatline.common.security.AuthenticatedUser;
import org.chatline.message.groups.GroupMembership;
import org.chatline.message.users.UserDirectory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Sending, reading, editing and deleting messages. */
@Service
class MessageService {

	static final int MAX_METADATA_BYTES = 4096;

	private final MessageRepository messages;

	private final UserDirectory users;

	private final GroupMembership groups;

	private final ConversationAccess access;

	private final MessageEvents events;

	private final JsonMapper json;

	private final Counter directSent;

	private final Counter groupSent;

	MessageService(MessageRepository messages, UserDirectory users, GroupMembership groups, ConversationAccess access,
			MessageEvents events, JsonMapper json, MeterRegistry meters) {
		this.messages = messages;
		this.users = users;
		this.groups = groups;
		this.access = access;
		this.events = events;
		this.json = json;
		this.directSent = Counter.builder("chat.messages.sent").tag("conversation", "direct").register(meters);
		this.groupSent = Counter.builder("chat.messages.sent").tag("conversation", "group").register(meters);
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
		if (request.content().isBlank()) {
			throw ApiException.validation("content: must not be blank");
		}
		if (request.metadata() != null && json.writeValueAsBytes(request.metadata()).length > MAX_METADATA_BYTES) {
			throw ApiException.validation("metadata: must be at most " + MAX_METADATA_BYTES + " bytes of JSON");
		}
		String conversationId;
		List<UUID> recipients;
		if (request.receiverId() != null) {
			UUID receiverId = request.receiverId();
			if (receiverId.equals(caller.id())) {
				throw ApiException.validation("receiverId: must be another user");
			}
			if (!users.exists(receiverId)) {
				throw ApiException.notFound("Receiver not found");
			}
			conversationId = Message.directConversation(caller.id(), receiverId);
			recipients = List.of(receiverId);
		}
		else {
			access.requireGroupMember(request.groupId(), caller.id());
			conversationId = Message.groupConversation(request.groupId());
			recipients = groups.members(request.groupId()).stream().filter(id -> !id.equals(caller.id())).toList();
		}
		if (request.parentId() != null) {
			messages.findById(request.parentId())
				.filter(parent -> parent.conversationId().equals(conversationId))
				.orElseThrow(() -> ApiException.notFound("Parent message not found"));
		}
		Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
		long seq = messages.nextSeq(conversationId);
		if (seq == 1 && request.receiverId() != null) {
			messages.addDirectParticipants(conversationId, caller.id(), request.receiverId());
		}
		Message message = new Message(UUID.randomUUID(), conversationId, seq, caller.id(), request.receiverId(),
				request.groupId(), request.parentId(), request.content(), request.typeOrDefault(), "SENT",
				request.metadata(), clientId, false, false, now, now);
		messages.insertNew(message, recipients);
		events.created(message);
		(message.isDirect() ? directSent : groupSent).increment();
		return new Sent(MessageResponse.of(message), true);
	}

	@Transactional(readOnly = true)
	public MessageResponse get(AuthenticatedUser caller, UUID id) {
		return MessageResponse.of(access.visible(messages.findById(id), caller.id()));
	}

	@Transactional(readOnly = true)
	public PageResponse<MessageResponse> direct(AuthenticatedUser caller, UUID otherUserId, Paging paging, Long before,
			Long after) {
		return history(Message.directConversation(caller.id(), otherUserId), paging, before, after);
	}

	@Transactional(readOnly = true)
	public PageResponse<MessageResponse> group(AuthenticatedUser caller, UUID groupId, Paging paging, Long before,
			Long after) {
		access.requireGroupMember(groupId, caller.id());
		return history(Message.groupConversation(groupId), paging, before, after);
	}

	private PageResponse<MessageResponse> history(String conversationId, Paging paging, Long before, Long after) {
		if (before != null && after != null) {
			throw ApiException.validation("Use either before or after, not both");
		}
		List<MessageResponse> page = messages.history(conversationId, before, after, paging.limit(), paging.offset())
			.stream()
			.map(MessageResponse::of)
			.toList();
		return PageResponse.of(page, paging, messages.count(conversationId, before, after));
	}

	@Transactional
	public MessageResponse edit(AuthenticatedUser caller, UUID id, String content) {
		Message message = authored(caller, id);
		if (content == null || content.isBlank() || content.length() > 5000) {
			throw ApiException.validation("content: must be 1-5000 characters");
		}
		Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
		messages.updateContent(id, content, now);
		events.changed(EventTypes.MESSAGE_EDITED, message, caller.id(), content, message.status(), null, now);
		return MessageResponse.of(messages.findById(id).orElseThrow());
	}

	@Transactional
	public void delete(AuthenticatedUser caller, UUID id) {
		Message message = access.visible(messages.lockById(id), caller.id());
		if (!message.senderId().equals(caller.id())) {
			throw ApiException.forbidden("You can only delete your own messages");
		}
		if (message.deleted()) {
			return;
		}
		Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
		messages.tombstone(id, now);
		events.changed(EventTypes.MESSAGE_DELETED, message, caller.id(), null, message.status(), null, now);
	}

	private Message authored(AuthenticatedUser caller, UUID id) {
		Message message = access.visible(messages.lockById(id), caller.id());
		if (!message.senderId().equals(caller.id())) {
			throw ApiException.forbidden("You can only edit your own messages");
		}
		if (message.deleted()) {
			throw ApiException.conflict("The message was deleted");
		}
		return message;
	}
}
