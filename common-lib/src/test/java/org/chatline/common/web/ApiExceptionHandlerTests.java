package org.chatline.common.web;

import org.chatline.common.api.DomainException;
import org.chatline.common.api.ErrorResponse;
import org.junit.jupiter.api.Test;

import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

class ApiExceptionHandlerTests {

	private final ApiExceptionHandler handler = new ApiExceptionHandler();

	@Test
	void answersEachDomainRefusalWithItsContractCodeAndStatus() {
		assertAnswer(handler.api(DomainException.invalid("content: must not be blank")), 400, "VALIDATION_ERROR",
				"content: must not be blank");
		assertAnswer(handler.api(DomainException.forbidden("Only the initiator can end the call")), 403, "FORBIDDEN",
				"Only the initiator can end the call");
		assertAnswer(handler.api(DomainException.notFound("Call not found")), 404, "NOT_FOUND", "Call not found");
		assertAnswer(handler.api(DomainException.conflict("Call has already ended")), 409, "CONFLICT",
				"Call has already ended");
	}

	private static void assertAnswer(ResponseEntity<ErrorResponse> answer, int status, String code, String message) {
		assertThat(answer.getStatusCode().value()).isEqualTo(status);
		assertThat(answer.getBody()).isEqualTo(new ErrorResponse(false, message, code));
	}
}
