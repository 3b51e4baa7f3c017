package org.chatline.realtime.forwarding;

import java.time.Duration;
import java.util.UUID;

import com.corundumstudio.socketio.SocketIOClient;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import org.chatline.common.ratelimit.RateLimitBuckets.Rule;
import org.chatline.common.security.AuthenticatedUser;
import org.chatline.realtime.socket.SocketTestClients;
import org.junit.jupiter.api.Test;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import static org.assertj.core.api.Assertions.assertThat;

class WriteLimiterTests {

	@Test
	void namesTheLimitAndTheWait() {
		assertThat(WriteLimiter.message(WriteLimit.MESSAGES, new Rule(30, Duration.ofMinutes(1)), 12))
			.isEqualTo("Rate limit exceeded: 30 messages per minute, retry in 12 s");
		assertThat(WriteLimiter.message(WriteLimit.GENERAL, new Rule(100, Duration.ofMinutes(15)), 512))
			.isEqualTo("Rate limit exceeded: 100 requests per 15 minutes, retry in 512 s");
		assertThat(WriteLimiter.per(Duration.ofHours(1))).isEqualTo("hour");
		assertThat(WriteLimiter.per(Duration.ofSeconds(90))).isEqualTo("90 seconds");
	}

	@Test
	void countsPerTheAddressTheGatewayResolvedElseTheConnections() {
		DefaultHttpHeaders fromGateway = new DefaultHttpHeaders();
		fromGateway.add("X-Chatline-Client-Address", "2001:db8::7");
		DefaultHttpHeaders forged = new DefaultHttpHeaders();
		forged.add("X-Chatline-Client-Address", "1.2.3.4 keys *");

		assertThat(WriteLimiter.clientAddress(SocketTestClients.client(fromGateway))).isEqualTo("2001:db8::7");
		assertThat(WriteLimiter.clientAddress(SocketTestClients.client())).isEqualTo("127.0.0.1");
		assertThat(WriteLimiter.clientAddress(SocketTestClients.client(forged))).isEqualTo("127.0.0.1");
	}

	@Test
	void letsWritesThroughAndCountsTheFailureWhenRedisCannotBeAsked() {
		// Nothing listens on port 1: every Redis call fails at once.
		LettuceConnectionFactory unreachable = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", 1));
		unreachable.afterPropertiesSet();
		unreachable.start();
		SimpleMeterRegistry meters = new SimpleMeterRegistry();
		WriteLimiter limiter = new WriteLimiter(new SocketRateLimitProperties(true, "rl-test",
				new Rule(1, Duration.ofMinutes(1)), new Rule(1, Duration.ofMinutes(1))), unreachable, meters);
		SocketIOClient client = SocketTestClients.client();
		AuthenticatedUser user = new AuthenticatedUser(UUID.randomUUID(), "ann", "USER", UUID.randomUUID(), "t");
		try {
			assertThat(limiter.refusal(WriteLimit.MESSAGES, user, client)).isEmpty();
			assertThat(limiter.refusal(WriteLimit.MESSAGES, user, client)).isEmpty();
			assertThat(meters.counter("chat.realtime.ratelimit.redis.failures").count()).isEqualTo(2);
		}
		finally {
			unreachable.destroy();
		}
	}
}
