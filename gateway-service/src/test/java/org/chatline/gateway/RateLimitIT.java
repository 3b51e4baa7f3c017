package org.chatline.gateway;

import java.net.http.HttpRequest;
import java.util.UUID;

import org.chatline.common.test.TestTokens;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** The contract's default limits, counted in the real Redis. */
class RateLimitIT extends GatewayIntegrationTest {

	@Autowired
	ReactiveStringRedisTemplate sharedRedis;

	private HttpRequest.Builder login(String forwardedFor) {
		HttpRequest.Builder builder = request("/api/v1/auth/login").header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{}"));
		return forwardedFor == null ? builder : builder.header("X-Forwarded-For", forwardedFor);
	}

	@Test
	void allowsFiveLoginsPerIpThenRefusesWithTheEnvelopeAndHeaders() throws Exception {
		long before = System.currentTimeMillis() / 1000;
		for (int i = 1; i <= 5; i++) {
			Reply ok = send(login("203.0.113.7"));
			assertThat(ok.status()).isEqualTo(200);
			assertThat(ok.raw().headers().firstValue("X-RateLimit-Limit")).contains("5");
			assertThat(ok.raw().headers().firstValue("X-RateLimit-Remaining")).contains(Integer.toString(5 - i));
			long reset = Long.parseLong(ok.raw().headers().firstValue("X-RateLimit-Reset").orElseThrow());
			assertThat(reset).isBetween(before + 15 * 60 - 2, before + 15 * 60 + 2);
		}
		Reply refused = send(login("203.0.113.7"));
		assertThat(refused.status()).isEqualTo(429);
		assertThat(refused.body().get("success").asBoolean()).isFalse();
		assertThat(refused.body().get("message").asString()).isEqualTo("Too many requests, please try again later.");
		assertThat(refused.body().get("code").asString()).isEqualTo("RATE_LIMIT_EXCEEDED");
		assertThat(refused.raw().headers().firstValue("X-RateLimit-Remaining")).contains("0");
		assertThat(Long.parseLong(refused.raw().headers().firstValue("Retry-After").orElseThrow())).isPositive();

		// Another client behind the same trusted proxy has its own count.
		assertThat(send(login("203.0.113.8")).status()).isEqualTo(200);
	}

	@Test
	void countsMessagesPerUserNotPerIp() throws Exception {
		String alice = TestTokens.bearer(UUID.randomUUID());
		for (int i = 0; i < 30; i++) {
			assertThat(send(postMessage(alice)).status()).isEqualTo(200);
		}
		Reply refused = send(postMessage(alice));
		assertThat(refused.status()).isEqualTo(429);
		assertThat(refused.raw().headers().firstValue("X-RateLimit-Limit")).contains("30");
		assertThat(send(postMessage(TestTokens.bearer(UUID.randomUUID()))).status()).isEqualTo(200);
	}

	@Test
	void limitsTheRestOfTheApiToAHundredPerIp() throws Exception {
		String token = TestTokens.bearer(UUID.randomUUID());
		for (int i = 0; i < 100; i++) {
			assertThat(send(request("/api/v1/messages/direct/" + UUID.randomUUID()).header("Authorization", token))
				.status()).isEqualTo(200);
		}
		Reply refused = send(request("/api/v1/messages/search?query=x").header("Authorization", token));
		assertThat(refused.status()).isEqualTo(429);
		assertThat(refused.raw().headers().firstValue("X-RateLimit-Limit")).contains("100");
	}

	@Test
	void aSecondGatewayInstanceSharesTheCount() throws Exception {
		// Another replica is another process with the same Redis: play it by counting directly in Redis.
		for (int i = 0; i < 5; i++) {
			sharedRedis.opsForValue().increment(KEY_PREFIX + ":auth:198.51.100.1").block();
		}
		assertThat(send(login("198.51.100.1")).status()).isEqualTo(429);
	}

	@Test
	void loginsByANonCanonicalPathNeverReachTheBackendNorGetAroundTheLoginLimit() throws Exception {
		BackendStub.INSTANCE.received.clear();
		String[] paths = { "/api/v1/auth/login;x=1", "/api/v1/auth/%6cogin", "/api/v1/auth/login;", "/api/v1/auth/%6Cogin",
				"/api/v1/%61uth/login", "/api/v1/auth/./login" };
		for (String path : paths) {
			Reply refused = send(request(path).header("Content-Type", "application/json")
				.header("X-Forwarded-For", "203.0.113.30")
				.POST(HttpRequest.BodyPublishers.ofString("{}")));
			assertThat(refused.status()).as(path).isEqualTo(400);
			assertThat(refused.body().get("code").asString()).isEqualTo("VALIDATION_ERROR");
		}
		assertThat(BackendStub.INSTANCE.received).isEmpty();
		// The canonical login path still has its five, and only five.
		for (int i = 1; i <= 5; i++) {
			assertThat(send(login("203.0.113.30")).status()).isEqualTo(200);
		}
		assertThat(send(login("203.0.113.30")).status()).isEqualTo(429);
		for (String path : paths) {
			assertThat(send(request(path).header("X-Forwarded-For", "203.0.113.30")
				.POST(HttpRequest.BodyPublishers.ofString("{}"))).status()).isEqualTo(400);
		}
		assertThat(BackendStub.INSTANCE.received).hasSize(5);
	}

	@Test
	void limitsNewSocketSessionsPerAddressAndTellsWhenToRetry() throws Exception {
		for (int i = 1; i <= 60; i++) {
			Reply opened = send(i % 3 == 0
					? request("/socket.io?EIO=4&transport=polling").header("X-Forwarded-For", "203.0.113.40")
					: handshake("203.0.113.40", i % 2 == 0 ? "polling" : "websocket"));
			assertThat(opened.status()).as("handshake %d", i).isEqualTo(200);
		}
		Reply refused = send(handshake("203.0.113.40", "polling"));
		assertThat(refused.status()).isEqualTo(429);
		assertThat(refused.body().get("code").asString()).isEqualTo("RATE_LIMIT_EXCEEDED");
		assertThat(refused.raw().headers().firstValue("X-RateLimit-Limit")).contains("60");
		assertThat(Long.parseLong(refused.raw().headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 60L);

		// Another address has its own count; the open sessions' own requests are never counted.
		assertThat(send(handshake("203.0.113.41", "polling")).status()).isEqualTo(200);
		for (int i = 0; i < 100; i++) {
			Reply poll = send(request("/socket.io/?EIO=4&transport=polling&sid=stub" + i)
				.header("X-Forwarded-For", "203.0.113.40"));
			assertThat(poll.status()).isEqualTo(200);
			assertThat(poll.raw().headers().firstValue("X-RateLimit-Limit")).isEmpty();
		}
		// Nor do they take from the REST allowance.
		Reply rest = send(login("203.0.113.40"));
		assertThat(rest.raw().headers().firstValue("X-RateLimit-Remaining")).contains("4");
	}

	private HttpRequest.Builder handshake(String forwardedFor, String transport) {
		return request("/socket.io/?EIO=4&transport=" + transport).header("X-Forwarded-For", forwardedFor);
	}

	private HttpRequest.Builder postMessage(String bearer) {
		return request("/api/v1/messages").header("Authorization", bearer)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"content\":\"hi\"}"));
	}
}
