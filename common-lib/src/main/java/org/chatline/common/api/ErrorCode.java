package org.chatline.common.api;

/** The contract's error codes, each with the HTTP status it is answered with. */
public enum ErrorCode {
	VALIDATION_ERROR(400),
	UNAUTHORIZED(401),
	FORBIDDEN(403),
	NOT_FOUND(404),
	METHOD_NOT_ALLOWED(405),
	CONFLICT(409),
	PAYLOAD_TOO_LARGE(413),
	UNSUPPORTED_MEDIA_TYPE(415),
	RATE_LIMIT_EXCEEDED(429),
	INTERNAL_ERROR(500),
	BAD_GATEWAY(502),
	SERVICE_UNAVAILABLE(503),
	GATEWAY_TIMEOUT(504);

	private final int status;

	ErrorCode(int status) {
		this.status = status;
	}

	public int status() {
		return status;
	}
}
