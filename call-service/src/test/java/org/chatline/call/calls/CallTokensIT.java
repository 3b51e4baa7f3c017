package org.chatline.call.calls;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.Jws;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import io.jsonwebtoken.security.SignatureException;
import org.chatline.call.CallProperties;
import org.chatline.common.test.ServiceIT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Jitsi room tokens handed out by the API, decoded and verified with the configured app secret. */
@ServiceIT
@Import(CallTestConfiguration.class)
class CallTokensIT {

	/** The secret in src/test/resources/config/application.yml. */
	static final String APP_SECRET = "test-only-jitsi-app-secret-of-at-least-32-bytes";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Autowired
	CallProperties properties;

	CallApi api;

	@BeforeEach
	void setUp() {
		api = new CallApi(port, json);
	}

	@Test
	void initiatorGetsAModeratorTokenForTheCallsRoom() {
		UUID a = CallFixtures.knownUser(jdbc);
		UUID b = CallFixtures.knownUser(jdbc);
		Instant before = Instant.now().minusSeconds(1);

		JsonNode data = api.initiate(a, CallFixtures.call("VIDEO", b)).data();

		String room = data.get("call").get("roomId").asString();
		Jws<Claims> jws = verify(data.get("token").asString());
		assertThat(jws.getHeader().getAlgorithm()).isEqualTo("HS256");
		assertThat(jws.getHeader().getType()).isEqualTo("JWT");
		Claims claims = jws.getPayload();
		assertThat(claims.getIssuer()).isEqualTo("chatline-test");
		assertThat(claims.getAudience()).containsExactly("jitsi");
		assertThat(claims.getSubject()).isEqualTo("meet.jitsi");
		assertThat(claims.get("room", String.class)).isEqualTo(room);
		assertThat(claims.getNotBefore().toInstant()).isBetween(before, Instant.now().plusSeconds(1));
		assertThat(Duration.between(claims.getNotBefore().toInstant(), claims.getExpiration().toInstant()))
			.isEqualTo(Duration.ofHours(2));
		assertThat(claims.get("moderator", Boolean.class)).isTrue();
		Map<?, ?> user = (Map<?, ?>) claims.get("context", Map.class).get("user");
		String name = "u_" + a.toString().substring(0, 8);
		assertThat(user.get("id")).isEqualTo(a.toString());
		assertThat(user.get("name")).isEqualTo(name);
		assertThat(user.get("email")).isEqualTo(name + "@example.com");
		assertThat(user.get("avatar")).isEqualTo("https://cdn.example.com/" + name + ".png");
		assertThat(user.get("moderator")).isEqualTo(true);
		assertThat(user.get("affiliation")).isEqualTo("owner");
		// aud is a plain string, as Prosody's token check expects, not a one-element array.
		assertThat(payloadJson(data.get("token").asString()).get("aud").isString()).isTrue();
	}

	@Test
	void inviteeGetsAnOrdinaryTokenWhenJoining() {
		UUID a = CallFixtures.knownUser(jdbc);
		UUID b = DirectoryStub.INSTANCE.addUser("bob_from_user_service", "bob@example.com", null);
		UUID id = api.start(a, b);

		JsonNode data = api.join(id, b).data();

		Claims claims = verify(data.get("token").asString()).getPayload();
		assertThat(claims.get("room", String.class)).isEqualTo(data.get("call").get("roomId").asString());
		assertThat(claims.get("moderator", Boolean.class)).isFalse();
		Map<?, ?> user = (Map<?, ?>) claims.get("context", Map.class).get("user");
		assertThat(user.get("id")).isEqualTo(b.toString());
		assertThat(user.get("name")).isEqualTo("bob_from_user_service");
		assertThat(user.get("email")).isEqualTo("bob@example.com");
		assertThat(user.containsKey("avatar")).isTrue();
		assertThat(user.get("avatar")).isNull();
		assertThat(user.get("moderator")).isEqualTo(false);
		assertThat(user.get("affiliation")).isEqualTo("member");
	}

	@Test
	void callerUnknownToTheDirectoryIsNamedFromTheAccessToken() {
		UUID stranger = UUID.randomUUID();
		UUID b = CallFixtures.knownUser(jdbc);

		JsonNode data = api.initiate(stranger, CallFixtures.call("AUDIO", b)).data();

		Map<?, ?> user = (Map<?, ?>) verify(data.get("token").asString()).getPayload().get("context", Map.class).get("user");
		assertThat(user.get("name")).isEqualTo("user_" + stranger.toString().substring(0, 8));
		assertThat(user.get("email")).isNull();
	}

	@Test
	void tokensDoNotVerifyWithAnotherSecret() {
		UUID a = CallFixtures.knownUser(jdbc);
		String token = api.initiate(a, CallFixtures.call("VIDEO", CallFixtures.knownUser(jdbc))).data().get("token")
			.asString();

		assertThatThrownBy(() -> Jwts.parser()
			.verifyWith(Keys.hmacShaKeyFor("another-secret-that-is-32-bytes-long!!".getBytes(StandardCharsets.UTF_8)))
			.build()
			.parseSignedClaims(token)).isInstanceOf(SignatureException.class);
	}

	@Test
	void everyCallHasItsOwnRoomAndOnlyParticipantsGetTokens() {
		UUID a = CallFixtures.knownUser(jdbc);
		UUID b = CallFixtures.knownUser(jdbc);
		UUID c = CallFixtures.knownUser(jdbc);
		JsonNode first = api.initiate(a, CallFixtures.call("VIDEO", b)).data();
		JsonNode second = api.initiate(c, CallFixtures.call("VIDEO", b)).data();
		assertThat(first.get("call").get("roomId").asString()).isNotEqualTo(second.get("call").get("roomId").asString());

		UUID id = UUID.fromString(first.get("call").get("id").asString());
		assertThat(api.get(id, b).data().has("token")).isFalse();
		CallApi.Reply outsider = api.join(id, c);
		assertThat(outsider.status()).isEqualTo(404);
		assertThat(outsider.body().has("data")).isFalse();
	}

	@Test
	void secretComesFromConfiguration() {
		assertThat(properties.jitsi().appSecret()).isEqualTo(APP_SECRET);
		assertThat(properties.jitsi().usesDevSecret()).isFalse();
		assertThat(properties.jitsi().toString()).doesNotContain(APP_SECRET);
	}

	private static Jws<Claims> verify(String token) {
		return Jwts.parser()
			.verifyWith(Keys.hmacShaKeyFor(APP_SECRET.getBytes(StandardCharsets.UTF_8)))
			.requireIssuer("chatline-test")
			.requireAudience("jitsi")
			.build()
			.parseSignedClaims(token);
	}

	private JsonNode payloadJson(String token) {
		return json.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
	}
}
