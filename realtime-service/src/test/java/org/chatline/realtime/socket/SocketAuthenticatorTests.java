package org.chatline.realtime.socket;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import com.corundumstudio.socketio.AuthTokenResult;
import com.corundumstudio.socketio.SocketIOClient;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import org.chatline.common.security.AuthenticatedUser;
import org.chatline.common.security.JwtVerifier;
import org.chatline.common.test.TestTokens;
import org.chatline.realtime.RealtimeProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.StaticListableBeanFactory;

import static org.assertj.core.api.Assertions.assertThat;

class SocketAuthenticatorTests {

	private final List<String> sessionEvents = new ArrayList<>();

	private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

	private final SocketAuthenticator authenticator = authenticator();

	@AfterEach
	void stop() {
		scheduler.shutdownNow();
	}

	@Test
	void bindsTheUserAndJoinsTheirRoomForAValidToken() {
		UUID user = UUID.randomUUID();
		SocketIOClient client = SocketTestClients.client();

		AuthTokenResult result = authenticator.getAuthTokenResult(Map.of("token", TestTokens.access(user)), client);

		assertThat(result.isSuccess()).isTrue();
		assertThat(SocketSessions.user(client)).map(AuthenticatedUser::id).contains(user);
		assertThat(client.getAllRooms()).containsExactly("user:" + user);
		assertThat(sessionEvents).containsExactly("authenticated " + user);
	}

	@Test
	void acceptsATokenFromTheHandshakeHeaderWhenTheConnectHasNone() {
		UUID user = UUID.randomUUID();
		SocketIOClient client = SocketTestClients.client(new DefaultHttpHeaders().add("Authorization",
				TestTokens.bearer(user)));

		AuthTokenResult result = authenticator.getAuthTokenResult(Map.of(), client);

		assertThat(result.isSuccess()).isTrue();
		assertThat(client.getAllRooms()).containsExactly("user:" + user);
	}

	@Test
	void refusesAForgedToken() {
		SocketIOClient client = SocketTestClients.client();

		AuthTokenResult result = authenticator.getAuthTokenResult(Map.of("token", "forged"), client);

		assertThat(result.isSuccess()).isFalse();
		assertThat(result.getErrorData()).isEqualTo(Map.of("message", "Invalid token"));
		assertThat(SocketSessions.user(client)).isEmpty();
		assertThat(client.getAllRooms()).isEmpty();
		assertThat(sessionEvents).isEmpty();
	}

	@Test
	void refusesAnExpiredToken() {
		String expired = TestTokens.access(UUID.randomUUID(), "late", Instant.now().minusSeconds(60));

		AuthTokenResult result = authenticator.getAuthTokenResult(Map.of("token", expired), SocketTestClients.client());

		assertThat(result.getErrorData()).isEqualTo(Map.of("message", "Token expired"));
	}

	@Test
	void refusesAConnectWithoutAnyToken() {
		AuthTokenResult result = authenticator.getAuthTokenResult(Map.of(), SocketTestClients.client());

		assertThat(result.getErrorData()).isEqualTo(Map.of("message", "Authentication required"));
	}

	@Test
	void movesASessionThatReauthenticatesAsSomeoneElse() {
		UUID first = UUID.randomUUID();
		UUID second = UUID.randomUUID();
		SocketIOClient client = SocketTestClients.client();
		authenticator.getAuthTokenResult(Map.of("token", TestTokens.access(first)), client);

		authenticator.getAuthTokenResult(Map.of("token", TestTokens.access(second)), client);

		assertThat(client.getAllRooms()).containsExactly("user:" + second);
		assertThat(sessionEvents).containsExactly("authenticated " + first, "closed " + first,
				"authenticated " + second);
	}

	private SocketAuthenticator authenticator() {
		JwtVerifier verifier = new JwtVerifier(TestTokens.keySource(), "chatline-auth", "chatline");
		StaticListableBeanFactory beans = new StaticListableBeanFactory();
		beans.addBean("recorder", new SocketSessionListener() {
			@Override
			public void authenticated(SocketIOClient client, AuthenticatedUser user) {
				sessionEvents.add("authenticated " + user.id());
			}

			@Override
			public void closed(SocketIOClient client, AuthenticatedUser user) {
				sessionEvents.add("closed " + user.id());
			}
		});
		RealtimeProperties properties = new RealtimeProperties(0, "127.0.0.1", Duration.ofSeconds(25),
				Duration.ofSeconds(20), Duration.ofSeconds(10), null, 100, 2, Duration.ofSeconds(1), Duration.ofSeconds(10),
				false, 4, 64,
				Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofSeconds(2), 10, Duration.ofMillis(500), 64, 4, 4096);
		return new SocketAuthenticator(verifier, beans.getBeanProvider(SocketSessionListener.class), scheduler,
				properties);
	}
}
