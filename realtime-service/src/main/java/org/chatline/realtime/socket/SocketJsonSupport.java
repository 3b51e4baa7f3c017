package org.chatline.realtime.socket;

import com.corundumstudio.socketio.protocol.JacksonJsonSupport;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * netty-socketio's Jackson 2 mapper, adjusted to the contract: {@code null} fields are written
 * (the spec shows {@code "groupId": null}; the library drops nulls by default) and {@code java.time}
 * values are ISO-8601 strings, not numbers.
 */
final class SocketJsonSupport extends JacksonJsonSupport {

	SocketJsonSupport() {
		super(new JavaTimeModule());
	}

	@Override
	protected void init(ObjectMapper mapper) {
		super.init(mapper);
		mapper.setSerializationInclusion(JsonInclude.Include.ALWAYS);
		mapper.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
	}
}
