package org.chatline.realtime.socket;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufOutputStream;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SocketJsonSupportTests {

	record Stamped(String id, Instant at, String groupId) {
	}

	@Test
	void writesNullsAndInstantsTheWayTheContractShowsThem() throws Exception {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("groupId", null);
		payload.put("at", Instant.parse("2025-01-01T00:00:00Z"));

		assertThat(write(payload)).isEqualTo("{\"groupId\":null,\"at\":\"2025-01-01T00:00:00Z\"}");
		assertThat(write(new Stamped("m1", Instant.parse("2025-01-01T00:00:00.123Z"), null)))
			.isEqualTo("{\"id\":\"m1\",\"at\":\"2025-01-01T00:00:00.123Z\",\"groupId\":null}");
	}

	private static String write(Object value) throws Exception {
		ByteBuf buffer = Unpooled.buffer();
		new SocketJsonSupport().writeValue(new ByteBufOutputStream(buffer), value);
		return buffer.toString(StandardCharsets.UTF_8);
	}
}
