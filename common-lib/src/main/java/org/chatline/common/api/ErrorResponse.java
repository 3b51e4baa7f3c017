package org.chatline.common.api;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** The contract's error envelope: {@code {success:false, message, code}}. */
@JsonPropertyOrder({ "success", "message", "code" })
public record ErrorResponse(boolean success, String message, String code) {

	public static ErrorResponse of(ErrorCode code, String message) {
		return new ErrorResponse(false, message, code.name());
	}

	/** The same envelope as JSON text, for places without a message converter (filters, the gateway). */
	public String toJson() {
		return "{\"success\":false,\"message\":" + JsonStrings.quote(message) + ",\"code\":\"" + code + "\"}";
	}
}
