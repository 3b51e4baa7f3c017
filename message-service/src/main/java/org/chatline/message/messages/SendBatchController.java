package org.chatline.message.messages;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.chatline.common.api.ApiException;
import org.chatline.common.api.ApiResponse;
import org.chatline.common.api.DatabaseErrors;
import org.chatline.common.api.ErrorCode;
import org.chatline.common.api.ErrorResponse;
import org.chatline.common.security.AuthenticatedUser;
import org.chatline.common.security.JwtVerifier;
import org.chatline.common.security.ServiceCaller;
import org.chatline.message.api.SendBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The sends realtime-service forwards together ({@link SendBatch}): each one is held to exactly the
 * rules of {@code POST /api/v1/messages} (its user's access token, the body's validation, the
 * domain's checks) and answered with the status and envelope that call would have answered, but
 * one request carries many, and they are all queued for the writer before the first is awaited,
 * so they share its transactions. One refused send never affects another.
 */
@RestController
class SendBatchController {

	private static final Logger log = LoggerFactory.getLogger(SendBatchController.class);

	private static final String MALFORMED = "Malformed JSON request body or a field of the wrong type";

	private final MessageService messages;

	private final JwtVerifier verifier;

	private final Validator validator;

	private final JsonMapper json;

	SendBatchController(MessageService messages, JwtVerifier verifier, Validator validator, JsonMapper json) {
		this.messages = messages;
		this.verifier = verifier;
		this.validator = validator;
		this.json = json;
	}

	/** One send's answer: what {@code POST /api/v1/messages} would have answered. */
	record Answer(int status, Object body) {

		static Answer refused(ApiException ex) {
			return new Answer(ex.code().status(), ErrorResponse.of(ex.code(), ex.getMessage()));
		}
	}

	@PostMapping(SendBatch.PATH)
	ApiResponse<List<Answer>> sendBatch(ServiceCaller caller, @RequestBody SendBatch batch) {
		caller.require("realtime-service");
		if (batch.sends() == null || batch.sends().isEmpty() || batch.sends().size() > SendBatch.MAX_SENDS) {
			throw ApiException.validation("sends: must hold 1-" + SendBatch.MAX_SENDS + " sends");
		}
		List<Object> queued = new ArrayList<>(batch.sends().size());
		for (SendBatch.Send send : batch.sends()) {
			queued.add(submit(send));
		}
		long deadline = messages.deadline();
		List<Answer> answers = new ArrayList<>(queued.size());
		for (Object each : queued) {
			answers.add(each instanceof MessageService.Queued send ? answer(send, deadline) : (Answer) each);
		}
		return ApiResponse.ok(answers);
	}

	/** The send queued for the writer, or the {@link Answer} refusing it. */
	private Object submit(SendBatch.Send send) {
		try {
			if (send == null) {
				throw ApiException.validation(MALFORMED);
			}
			AuthenticatedUser user = verifier.verifyAccessToken(send.token());
			return messages.submit(user, request(send.message()), null);
		}
		catch (RuntimeException ex) {
			return failure(ex);
		}
	}

	private Answer answer(MessageService.Queued send, long deadline) {
		try {
			MessageService.Sent sent = messages.await(send, deadline);
			return sent.created() ? new Answer(201, ApiResponse.ok("Message sent successfully", sent.message()))
					: new Answer(200, ApiResponse.ok("Message already sent", sent.message()));
		}
		catch (RuntimeException ex) {
			return failure(ex);
		}
	}

	/** The body as {@code @Valid @RequestBody SendMessageRequest} would read and check it. */
	private SendMessageRequest request(Map<String, Object> body) {
		if (body == null) {
			throw ApiException.validation(MALFORMED);
		}
		SendMessageRequest request;
		try {
			request = json.convertValue(body, SendMessageRequest.class);
		}
		catch (RuntimeException ex) {
			throw ApiException.validation(MALFORMED);
		}
		String violations = validator.validate(request)
			.stream()
			.map(SendBatchController::describe)
			.sorted()
			.collect(Collectors.joining("; "));
		if (!violations.isEmpty()) {
			throw ApiException.validation(violations);
		}
		return request;
	}

	private static String describe(ConstraintViolation<SendMessageRequest> violation) {
		return violation.getPropertyPath() + ": " + violation.getMessage();
	}

	private static Answer failure(RuntimeException ex) {
		if (ex instanceof ApiException api) {
			return Answer.refused(api);
		}
		if (DatabaseErrors.invalidText(ex)) {
			return Answer.refused(DatabaseErrors.invalidTextError());
		}
		if (ex instanceof DataIntegrityViolationException) {
			return Answer.refused(ApiException.conflict("Resource already exists or conflicts with another"));
		}
		log.error("Unexpected failure of a forwarded send", ex);
		return Answer.refused(new ApiException(ErrorCode.INTERNAL_ERROR, "Internal server error"));
	}
}
