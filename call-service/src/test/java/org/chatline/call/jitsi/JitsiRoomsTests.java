package org.chatline.call.jitsi;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import org.chatline.call.CallProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class JitsiRoomsTests {

	static final String SECRET = "unit-test-secret-that-is-long-enough-for-hs256";

	final JitsiRooms rooms = new JitsiRooms(properties(new CallProperties.Jitsi("meet.example.org", "", "my-app",
			SECRET, "jitsi", Duration.ofHours(2))), new MockEnvironment());

	@Test
	void roomsAreLongRandomAndDistinct() {
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < 1000; i++) {
			String room = rooms.newRoom();
			assertThat(room).matches("[0-9a-f]{32}");
			assertThat(seen.add(room)).isTrue();
		}
	}

	@Test
	void roomUrlIsOnTheConfiguredDomain() {
		assertThat(rooms.roomUrl("abc")).isEqualTo("https://meet.example.org/abc");
	}

	@Test
	void tokenCarriesJitsisClaimsSignedWithTheAppSecret() {
		UUID id = UUID.randomUUID();

		String token = rooms.token("abc", new JitsiUser(id, "ada", "https://a.example/ada.png", "ada@example.com"), true);

		Claims claims = Jwts.parser()
			.verifyWith(Keys.hmacShaKeyFor(SECRET.getBytes(StandardCharsets.UTF_8)))
			.build()
			.parseSignedClaims(token)
			.getPayload();
		assertThat(claims.getIssuer()).isEqualTo("my-app");
		assertThat(claims.getAudience()).containsExactly("jitsi");
		// No separate subject configured: the domain.
		assertThat(claims.getSubject()).isEqualTo("meet.example.org");
		assertThat(claims.get("room", String.class)).isEqualTo("abc");
		assertThat(Duration.between(claims.getNotBefore().toInstant(), claims.getExpiration().toInstant()))
			.isEqualTo(Duration.ofHours(2));
		assertThat(claims.get("moderator", Boolean.class)).isTrue();
		assertThat(user(claims)).containsEntry("id", id.toString())
			.containsEntry("name", "ada")
			.containsEntry("avatar", "https://a.example/ada.png")
			.containsEntry("email", "ada@example.com")
			.containsEntry("moderator", true);
	}

	@Test
	void onlyModeratorsAreModerators() {
		String token = rooms.token("abc", new JitsiUser(UUID.randomUUID(), "bob", null, null), false);

		Claims claims = Jwts.parser()
			.verifyWith(Keys.hmacShaKeyFor(SECRET.getBytes(StandardCharsets.UTF_8)))
			.build()
			.parseSignedClaims(token)
			.getPayload();
		assertThat(claims.get("moderator", Boolean.class)).isFalse();
		assertThat(user(claims)).containsEntry("moderator", false)
			.containsEntry("affiliation", "member")
			.containsEntry("avatar", null);
	}

	@Test
	void warnsWhenTheDevelopmentSecretIsUsedInTheDevProfile(CapturedOutput output) {
		MockEnvironment dev = new MockEnvironment();
		dev.setActiveProfiles(JitsiRooms.DEV_PROFILE);
		new JitsiRooms(properties(new CallProperties.Jitsi("meet.jit.si", "", "chatline", "", "jitsi", Duration.ofHours(2))),
				dev);

		assertThat(output).contains("JWT_APP_SECRET").contains("development secret");
	}

	@Test
	void staysQuietWithAConfiguredSecret(CapturedOutput output) {
		new JitsiRooms(properties(new CallProperties.Jitsi("meet.jit.si", "", "chatline", SECRET, "jitsi", Duration.ofHours(2))),
				new MockEnvironment());

		assertThat(output).doesNotContain("development secret");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> user(Claims claims) {
		return (Map<String, Object>) claims.get("context", Map.class).get("user");
	}

	static CallProperties properties(CallProperties.Jitsi jitsi) {
		return new CallProperties(jitsi, Duration.ofSeconds(45), Duration.ofSeconds(5), 50);
	}
}
