package org.chatline.message.api;

import java.util.List;
import java.util.Map;

/**
 * {@code POST /internal/messages/send-batch}: realtime-service forwards the {@code message:send}
 * emits that arrive together as one request instead of one {@code POST /api/v1/messages} each.
 * Every send carries its own user's access token and the body of {@code POST /messages}; it is
 * verified, checked and answered exactly as that call would be, and the sends are stored together
 * (group commit). Only realtime-service may call it.
 */
public record SendBatch(List<Send> sends) {

	/** Most sends in one request. */
	public static final int MAX_SENDS = 256;

	public static final String PATH = "/internal/messages/send-batch";

	/** One send: the user's access token and the body of {@code POST /api/v1/messages}. */
	public record Send(String token, Map<String, Object> message) {
	}

	/**
	 * The answer to one send, in the request's order: the HTTP status and the envelope that
	 * {@code POST /api/v1/messages} would have answered.
	 */
	public record Result(int status, Map<String, Object> body) {
	}
}
