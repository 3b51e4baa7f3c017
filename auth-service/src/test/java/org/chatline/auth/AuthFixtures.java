package org.chatline.auth;

import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

/** Fresh accounts for tests (the test database keeps data between runs). */
public final class AuthFixtures {

	public static final String PASSWORD = "Password123";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private AuthFixtures() {
	}

	public static String uniqueUsername(String prefix) {
		return prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
	}

	public static Map<String, Object> registration(String username) {
		return Map.of("username", username, "email", emailOf(username), "password", PASSWORD);
	}

	public static String emailOf(String username) {
		return username.toLowerCase() + "@example.com";
	}

	public static Map<String, Object> login(String username) {
		return Map.of("email", emailOf(username), "password", PASSWORD);
	}

	/** Registers and logs in a new user; returns the login reply's data. */
	public static tools.jackson.databind.JsonNode registeredAndLoggedIn(HttpJson http, String prefix) {
		String username = uniqueUsername(prefix);
		HttpJson.Reply registered = http.post("/api/v1/auth/register", registration(username), null);
		if (registered.status() != 201) {
			throw new IllegalStateException("register answered " + registered.status() + ": " + registered.body());
		}
		HttpJson.Reply login = http.post("/api/v1/auth/login", login(username), null);
		if (login.status() != 200) {
			throw new IllegalStateException("login answered " + login.status() + ": " + login.body());
		}
		return login.data();
	}

	/** The session ({@code sid}) of the access token in a login or refresh answer. */
	public static UUID sessionOf(tools.jackson.databind.JsonNode tokens) {
		String payload = tokens.get("accessToken").asString().split("\\.")[1];
		return UUID.fromString(JSON.readTree(Base64.getUrlDecoder().decode(payload)).get("sid").asString());
	}

}
