package org.chatline.attachment.attachments;

import org.chatline.common.api.DomainException;
import org.chatline.common.api.ErrorCode;

/** The refusals of this domain that {@link DomainException}'s own factories do not name. */
final class Refusals extends DomainException {

	private Refusals(ErrorCode code, String message) {
		super(code, message);
	}

	static Refusals tooLarge(String message) {
		return new Refusals(ErrorCode.PAYLOAD_TOO_LARGE, message);
	}

	static Refusals unsupportedType(String message) {
		return new Refusals(ErrorCode.UNSUPPORTED_MEDIA_TYPE, message);
	}

	static Refusals tooMany(String message) {
		return new Refusals(ErrorCode.RATE_LIMIT_EXCEEDED, message);
	}

	static DomainException notFound() {
		return DomainException.notFound("Attachment not found");
	}
}
