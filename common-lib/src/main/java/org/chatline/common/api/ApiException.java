package org.chatline.common.api;

/**
 * A failure the caller should see as a contract error; the shared exception handler turns it into
 * the error envelope. Thrown as such at the service's edge (no or a bad credential, a service this
 * one needs cannot be reached, a malformed parameter); a domain rule refusing the request throws
 * the {@link DomainException} kind.
 */
public class ApiException extends RuntimeException {

	private final ErrorCode code;

	public ApiException(ErrorCode code, String message) {
		super(message, null, false, false);
		this.code = code;
	}

	public ErrorCode code() {
		return code;
	}

	public static ApiException validation(String message) {
		return new ApiException(ErrorCode.VALIDATION_ERROR, message);
	}

	public static ApiException unauthorized(String message) {
		return new ApiException(ErrorCode.UNAUTHORIZED, message);
	}

	public static ApiException forbidden(String message) {
		return new ApiException(ErrorCode.FORBIDDEN, message);
	}

	public static ApiException notFound(String message) {
		return new ApiException(ErrorCode.NOT_FOUND, message);
	}

	public static ApiException conflict(String message) {
		return new ApiException(ErrorCode.CONFLICT, message);
	}

	public static ApiException unavailable(String message) {
		return new ApiException(ErrorCode.SERVICE_UNAVAILABLE, message);
	}
}
