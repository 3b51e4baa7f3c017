package org.chatline.common.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.chatline.common.api.ErrorCode;
import org.chatline.common.api.ErrorResponse;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Replaces Boot's whitelabel {@code /error}: failures that happen outside a controller (filters,
 * the container rejecting a request) still answer with the error envelope.
 */
@RestController
public class EnvelopeErrorController implements ErrorController {

	@RequestMapping("${server.error.path:/error}")
	ResponseEntity<ErrorResponse> error(HttpServletRequest request) {
		Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		int code = status instanceof Integer i ? i : 500;
		ErrorCode errorCode = switch (code) {
			case 400 -> ErrorCode.VALIDATION_ERROR;
			case 401 -> ErrorCode.UNAUTHORIZED;
			case 403 -> ErrorCode.FORBIDDEN;
			case 404 -> ErrorCode.NOT_FOUND;
			case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
			case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
			case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
			default -> code >= 500 ? ErrorCode.INTERNAL_ERROR : ErrorCode.VALIDATION_ERROR;
		};
		String message = switch (errorCode) {
			case NOT_FOUND -> "Route not found";
			case INTERNAL_ERROR -> "Internal server error";
			case PAYLOAD_TOO_LARGE -> "Request body too large";
			default -> "Request failed";
		};
		return ResponseEntity.status(code).body(ErrorResponse.of(errorCode, message));
	}
}
