package org.chatline.realtime.socket;

import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code exp} of an access token that was just verified (so its payload is the signed one):
 * the verifier answers who the caller is but not until when, and a socket outlives its handshake.
 */
final class TokenExpiry {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private TokenExpiry() {
	}

	static Optional<Instant> of(String token) {
		if (token == null) {
			return Optional.empty();
		}
		String[] parts = token.split("\\.");
		if (parts.length < 2) {
			return Optional.empty();
		}
		try {
			JsonNode exp = JSON.readTree(Base64.getUrlDecoder().decode(parts[1])).get("exp");
			return exp != null && exp.isNumber() ? Optional.of(Instant.ofEpochSecond(exp.asLong())) : Optional.empty();
		}
		catch (RuntimeException ex) {
			return Optional.empty();
		}
	}
}
