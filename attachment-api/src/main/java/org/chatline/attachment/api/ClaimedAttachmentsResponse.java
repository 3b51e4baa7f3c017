package org.chatline.attachment.api;

import java.util.List;

/** The {@code data} of {@code POST /internal/attachments/claim}: the claimed attachments, in the order asked. */
public record ClaimedAttachmentsResponse(List<AttachmentMetadata> attachments) {
}
