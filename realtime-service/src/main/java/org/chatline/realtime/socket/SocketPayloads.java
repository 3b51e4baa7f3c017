package org.chatline.realtime.socket;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Reads client-event payloads. Listeners take them as plain objects, so a malformed payload reaches
 * the handler (and gets a validation error) instead of failing inside the decoder.
 */
public final class SocketPayloads {

	private SocketPayloads() {
	}

	/** The payload as a JSON object; throws {@link IllegalArgumentException} when it is not one. */
	public static Map<String, Object> object(Object data) {
		if (!(data instanceof Map<?, ?> map)) {
			throw new IllegalArgumentException("Payload must be an object");
		}
		Map<String, Object> copy = new LinkedHashMap<>();
		map.forEach((key, value) -> copy.put(String.valueOf(key), value));
		return copy;
	}

	/** An optional UUID field: null when absent or null, an error when not a UUID. */
	public static UUID uuid(Map<String, Object> payload, String field) {
		Object value = payload.get(field);
		if (value == null) {
			return null;
		}
		try {
			return UUID.fromString(value.toString());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException(field + " must be a UUID");
		}
	}
}
