package org.chatline.attachment.attachments;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.chatline.attachment.api.AttachmentMetadata;
import org.chatline.attachment.api.ClaimAttachmentsRequest;
import org.chatline.attachment.api.ClaimedAttachmentsResponse;
import org.chatline.common.api.DomainException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Attachments becoming part of a message (message-service's {@code POST /internal/attachments/claim}):
 * each one READY, uploaded by the message's sender for the message's conversation, and used by no
 * other message. All or none: one refused id refuses the claim. Claiming again for the same message
 * answers the same (a retried send).
 */
@Service
class Claims {

	/** At most this many attachments in one message. */
	static final int MAX_PER_MESSAGE = 10;

	private final AttachmentRepository attachments;

	private final TransactionTemplate tx;

	Claims(AttachmentRepository attachments, PlatformTransactionManager transactionManager) {
		this.attachments = attachments;
		this.tx = new TransactionTemplate(transactionManager);
	}

	ClaimedAttachmentsResponse claim(ClaimAttachmentsRequest request) {
		validate(request);
		List<AttachmentMetadata> claimed = tx.execute(status -> {
			Map<UUID, Attachment> found = attachments.lockAll(request.attachmentIds()).stream()
				.collect(Collectors.toMap(Attachment::id, Function.identity()));
			for (UUID id : request.attachmentIds()) {
				check(found.get(id), id, request);
			}
			attachments.claim(request.attachmentIds(), request.messageId());
			return request.attachmentIds().stream().map(id -> found.get(id).metadata())
				.map(m -> withMessage(m, request.messageId())).toList();
		});
		return new ClaimedAttachmentsResponse(claimed);
	}

	private static void check(Attachment attachment, UUID id, ClaimAttachmentsRequest request) {
		if (attachment == null || !attachment.uploaderId().equals(request.senderId())
				|| !Objects.equals(attachment.receiverId(), request.receiverId())
				|| !Objects.equals(attachment.groupId(), request.groupId())) {
			throw DomainException.notFound("Attachment " + id + " not found in this conversation");
		}
		if (attachment.status() != Attachment.Status.READY) {
			throw DomainException.conflict("Attachment " + id + " is not uploaded yet");
		}
		if (attachment.messageId() != null && !attachment.messageId().equals(request.messageId())) {
			throw DomainException.conflict("Attachment " + id + " is already used by another message");
		}
	}

	private static void validate(ClaimAttachmentsRequest request) {
		if (request.messageId() == null || request.senderId() == null) {
			throw DomainException.invalid("messageId and senderId are required");
		}
		if ((request.receiverId() == null) == (request.groupId() == null)) {
			throw DomainException.invalid("exactly one of receiverId and groupId is required");
		}
		List<UUID> ids = request.attachmentIds();
		if (ids == null || ids.isEmpty() || ids.size() > MAX_PER_MESSAGE || ids.contains(null)
				|| new HashSet<>(ids).size() != ids.size()) {
			throw DomainException.invalid("attachmentIds: 1 to " + MAX_PER_MESSAGE + " different ids are required");
		}
	}

	private static AttachmentMetadata withMessage(AttachmentMetadata m, UUID messageId) {
		return new AttachmentMetadata(m.id(), m.fileName(), m.contentType(), m.kind(), m.size(), m.status(), m.width(),
				m.height(), m.thumbnail(), m.uploaderId(), m.receiverId(), m.groupId(), messageId, m.createdAt());
	}
}
