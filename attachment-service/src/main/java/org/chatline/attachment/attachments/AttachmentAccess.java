package org.chatline.attachment.attachments;

import java.util.UUID;

import org.chatline.attachment.conversations.Conversations;

import org.springframework.stereotype.Component;

/**
 * Who may see an attachment: its uploader always; once it is READY, the other participant of its
 * direct conversation and the current members of its group (asked of group-service every time, so
 * a removed member is refused at once). Everyone else is told it does not exist.
 */
@Component
class AttachmentAccess {

	private final AttachmentRepository attachments;

	private final Conversations conversations;

	AttachmentAccess(AttachmentRepository attachments, Conversations conversations) {
		this.attachments = attachments;
		this.conversations = conversations;
	}

	/** The attachment if {@code userId} may see it; 404 otherwise, the same as for an id that does not exist. */
	Attachment visible(UUID id, UUID userId) {
		Attachment attachment = attachments.find(id).orElseThrow(Refusals::notFound);
		if (attachment.uploaderId().equals(userId)) {
			return attachment;
		}
		if (attachment.status() != Attachment.Status.READY) {
			throw Refusals.notFound();
		}
		boolean participant = attachment.groupId() == null ? userId.equals(attachment.receiverId())
				: conversations.isMember(attachment.groupId(), userId);
		if (!participant) {
			throw Refusals.notFound();
		}
		return attachment;
	}

	/** The attachment if it is {@code userId}'s own; 404 otherwise. */
	Attachment own(UUID id, UUID userId) {
		return attachments.find(id).filter(a -> a.uploaderId().equals(userId)).orElseThrow(Refusals::notFound);
	}
}
