package org.chatline.attachment.attachments;

import org.chatline.attachment.AttachmentProperties;

/** The size limit of each kind. */
final class Limits {

	private Limits() {
	}

	static long maxSize(AttachmentProperties.Limits limits, String kind) {
		return switch (kind) {
			case "IMAGE" -> limits.image().toBytes();
			case "VIDEO" -> limits.video().toBytes();
			case "VOICE" -> limits.voice().toBytes();
			default -> limits.file().toBytes();
		};
	}
}
