package org.chatline.common.api;

/**
 * A rule of the domain refused the request: the thing is not there, the caller may not do this,
 * it conflicts with the current state, or the input breaks a rule. Domain code throws it and knows
 * nothing of HTTP: it names the contract's error code, and {@code ApiExceptionHandler}, the one
 * place that answers every {@link ApiException}, turns that into the error envelope and a status.
 */
public class DomainException extends ApiException {

	protected DomainException(ErrorCode code, String message) {
		super(code, message);
	}

	public static DomainException invalid(String message) {
		return new DomainException(ErrorCode.VALIDATION_ERROR, message);
	}

	public static DomainException forbidden(String message) {
		return new DomainException(ErrorCode.FORBIDDEN, message);
	}

	public static DomainException notFound(String message) {
		return new DomainException(ErrorCode.NOT_FOUND, message);
	}

	public static DomainException conflict(String message) {
		return new DomainException(ErrorCode.CONFLICT, message);
	}
}
