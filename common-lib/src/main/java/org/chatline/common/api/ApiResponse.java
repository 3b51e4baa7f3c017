package org.chatline.common.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** The contract's success envelope: {@code {success, message?, data}}; {@code data} is always present. */
@JsonPropertyOrder({ "success", "message", "data" })
public record ApiResponse<T>(boolean success, @JsonInclude(JsonInclude.Include.NON_NULL) String message,
		@JsonInclude(JsonInclude.Include.ALWAYS) T data) {

	public static <T> ApiResponse<T> ok(T data) {
		return new ApiResponse<>(true, null, data);
	}

	public static <T> ApiResponse<T> ok(String message, T data) {
		return new ApiResponse<>(true, message, data);
	}
}
