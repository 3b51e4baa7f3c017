package org.chatline.realtime.socket;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HandshakeTokensTests {

	@Test
	void takesTheTokenFromTheAuthPayload() {
		assertThat(HandshakeTokens.resolve(Map.of("token", "abc"), null)).isEqualTo("abc");
	}

	@Test
	void acceptsABearerPrefixInTheAuthPayload() {
		assertThat(HandshakeTokens.resolve(Map.of("token", "Bearer abc"), null)).isEqualTo("abc");
	}

	@Test
	void fallsBackToTheAuthorizationHeader() {
		assertThat(HandshakeTokens.resolve(Map.of(), "Bearer xyz")).isEqualTo("xyz");
		assertThat(HandshakeTokens.resolve(null, "Bearer xyz")).isEqualTo("xyz");
	}

	@Test
	void prefersTheAuthPayloadOverTheHeader() {
		assertThat(HandshakeTokens.resolve(Map.of("token", "abc"), "Bearer xyz")).isEqualTo("abc");
	}

	@Test
	void ignoresABlankOrNonStringTokenAndNonBearerHeaders() {
		assertThat(HandshakeTokens.resolve(Map.of("token", " "), null)).isNull();
		assertThat(HandshakeTokens.resolve(Map.of("token", 42), "Basic dXNlcjpwdw==")).isNull();
	}
}
