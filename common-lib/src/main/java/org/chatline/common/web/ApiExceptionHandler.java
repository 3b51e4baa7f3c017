package org.chatline.common.web;

import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import org.chatline.common.api.ApiException;
import org.chatline.common.api.DatabaseErrors;
import org.chatline.common.api.ErrorCode;
import org.chatline.common.api.ErrorResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.util.InvalidMimeTypeException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingPathVariableException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** The one place where failures become the contract's error envelope. Never a stack trace. */
@RestControllerAdvice
public class ApiExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

	@ExceptionHandler(ApiException.class)
	ResponseEntity<ErrorResponse> api(ApiException ex) {
		return respond(ex.code(), ex.getMessage());
	}

	@ExceptionHandler(MethodArgumentNotValidException.class)
	ResponseEntity<ErrorResponse> invalidBody(MethodArgumentNotValidException ex) {
		String message = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map(ApiExceptionHandler::describe)
			.sorted()
			.collect(Collectors.joining("; "));
		if (message.isEmpty()) {
			message = ex.getBindingResult()
				.getGlobalErrors()
				.stream()
				.map(e -> e.getDefaultMessage())
				.collect(Collectors.joining("; "));
		}
		return respond(ErrorCode.VALIDATION_ERROR, message.isEmpty() ? "Validation failed" : message);
	}

	@ExceptionHandler(HandlerMethodValidationException.class)
	ResponseEntity<ErrorResponse> invalidParameters(HandlerMethodValidationException ex) {
		String message = ex.getParameterValidationResults()
			.stream()
			.flatMap(r -> r.getResolvableErrors()
				.stream()
				.map(e -> r.getMethodParameter().getParameterName() + ": " + e.getDefaultMessage()))
			.sorted()
			.collect(Collectors.joining("; "));
		return respond(ErrorCode.VALIDATION_ERROR, message.isEmpty() ? "Validation failed" : message);
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<ErrorResponse> unreadable(HttpMessageNotReadableException ex) {
		return respond(ErrorCode.VALIDATION_ERROR, "Malformed JSON request body or a field of the wrong type");
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ErrorResponse> typeMismatch(MethodArgumentTypeMismatchException ex) {
		return respond(ErrorCode.VALIDATION_ERROR, ex.getName() + ": invalid value");
	}

	@ExceptionHandler(MissingServletRequestParameterException.class)
	ResponseEntity<ErrorResponse> missingParameter(MissingServletRequestParameterException ex) {
		return respond(ErrorCode.VALIDATION_ERROR, ex.getParameterName() + ": is required");
	}

	@ExceptionHandler(MissingRequestHeaderException.class)
	ResponseEntity<ErrorResponse> missingHeader(MissingRequestHeaderException ex) {
		return respond(ErrorCode.VALIDATION_ERROR, ex.getHeaderName() + " header is required");
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	ResponseEntity<ErrorResponse> method(HttpRequestMethodNotSupportedException ex) {
		return respond(ErrorCode.METHOD_NOT_ALLOWED, "Method " + ex.getMethod() + " is not allowed here");
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ResponseEntity<ErrorResponse> mediaType(HttpMediaTypeNotSupportedException ex) {
		return respond(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Content type must be application/json");
	}

	@ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
	ResponseEntity<ErrorResponse> notAcceptable(HttpMediaTypeNotAcceptableException ex) {
		return respond(ErrorCode.VALIDATION_ERROR, "Only application/json responses are available");
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ResponseEntity<ErrorResponse> tooLarge(MaxUploadSizeExceededException ex) {
		return respond(ErrorCode.PAYLOAD_TOO_LARGE, "Request body too large");
	}

	@ExceptionHandler(NoResourceFoundException.class)
	ResponseEntity<ErrorResponse> noRoute(NoResourceFoundException ex) {
		return respond(ErrorCode.NOT_FOUND, "Route not found");
	}

	@ExceptionHandler(DataIntegrityViolationException.class)
	ResponseEntity<ErrorResponse> conflict(DataIntegrityViolationException ex) {
		log.debug("Integrity violation", ex);
		if (DatabaseErrors.invalidText(ex)) {
			return api(DatabaseErrors.invalidTextError());
		}
		return respond(ErrorCode.CONFLICT, "Resource already exists or conflicts with another");
	}

	@ExceptionHandler(OptimisticLockingFailureException.class)
	ResponseEntity<ErrorResponse> concurrentChange(OptimisticLockingFailureException ex) {
		log.debug("Concurrent change", ex);
		return respond(ErrorCode.CONFLICT, "The resource was changed or removed at the same time; try again");
	}

	/** A {@code Content-Type} that cannot be parsed: a wildcard, or multipart without a boundary. */
	@ExceptionHandler({ InvalidMediaTypeException.class, InvalidMimeTypeException.class, MultipartException.class })
	ResponseEntity<ErrorResponse> badContentType(Exception ex) {
		return respond(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Content type must be application/json");
	}

	/**
	 * Spring refuses a wildcard {@code Content-Type} with a plain IllegalArgumentException while
	 * reading the headers; any other IllegalArgumentException is a bug (500).
	 */
	@ExceptionHandler(IllegalArgumentException.class)
	ResponseEntity<ErrorResponse> illegalArgument(IllegalArgumentException ex, HttpServletRequest request) {
		String contentType = request.getContentType();
		if (contentType != null && contentType.contains("*")) {
			return badContentType(ex);
		}
		return unexpected(ex);
	}

	/** A blank path segment where an id belongs ({@code /users/%20}). */
	@ExceptionHandler(MissingPathVariableException.class)
	ResponseEntity<ErrorResponse> missingPathVariable(MissingPathVariableException ex) {
		return respond(ErrorCode.VALIDATION_ERROR, ex.getVariableName() + ": is required");
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ErrorResponse> unexpected(Exception ex) {
		log.error("Unexpected failure", ex);
		return respond(ErrorCode.INTERNAL_ERROR, "Internal server error");
	}

	private static String describe(FieldError error) {
		return error.getField() + ": " + error.getDefaultMessage();
	}

	private static ResponseEntity<ErrorResponse> respond(ErrorCode code, String message) {
		// The content type is set here, not negotiated: a client that accepts only text/html still
		// gets the envelope, instead of an empty 406.
		return ResponseEntity.status(code.status()).contentType(MediaType.APPLICATION_JSON).body(ErrorResponse.of(code, message));
	}
}
