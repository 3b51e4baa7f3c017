package org.chatline.attachment.attachments;

import java.time.Instant;
import java.util.Map;

import org.chatline.attachment.api.AttachmentMetadata;

/** The answer to {@code POST /api/v1/attachments}: the new attachment, and where to put its bytes. */
record AttachmentCreated(AttachmentMetadata attachment, Upload upload) {

	/**
	 * Send the bytes as the body of {@code method url} with these headers. {@code authorization}
	 * says whether to add the user's {@code Authorization: Bearer} header: yes for the platform's own
	 * upload endpoint, no for a presigned URL (it carries its own signature; a second credential
	 * would be refused). Then {@code POST /api/v1/attachments/{id}/complete}.
	 */
	record Upload(String method, String url, Map<String, String> headers, boolean authorization, Instant expiresAt) {
	}
}
