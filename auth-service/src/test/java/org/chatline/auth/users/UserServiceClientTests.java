package org.chatline.auth.users;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.chatline.auth.FakeUserService;
import org.chatline.common.api.ApiException;
import org.chatline.common.api.ErrorCode;
import org.chatline.common.config.ServiceClients;
import org.chatline.common.security.ServiceTokens;
import org.chatline.common.test.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.cloud.client.loadbalancer.DeferringLoadBalancerInterceptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UserServiceClientTests {

	static FakeUserService fake;

	/** Minted once, up front: key generation must not count against the timing below. */
	static final String SERVICE_TOKEN = TestTokens.service("auth-service");

	@BeforeAll
	static void start() {
		fake = FakeUserService.start();
	}

	@AfterAll
	static void reset() {
		fake.mode(FakeUserService.Mode.NORMAL);
	}

	/** The client auth-service runs with, at a fixed address. */
	private static UserServiceClient client(String baseUrl) {
		Binder properties = new Binder(new MapConfigurationPropertySource(
				Map.of("chat.clients.user-service.url", baseUrl, "chat.clients.user-service.load-balanced", "false")));
		StaticListableBeanFactory beans = new StaticListableBeanFactory(
				Map.of("serviceTokens", (ServiceTokens) new FixedToken()));
		return new UserServiceClient(new ServiceClients(properties,
				beans.getBeanProvider(DeferringLoadBalancerInterceptor.class), beans.getBeanProvider(ServiceTokens.class))
			.create("user-service"));
	}

	private static final class FixedToken implements ServiceTokens {

		@Override
		public String current() {
			return SERVICE_TOKEN;
		}

		@Override
		public void invalidate() {
		}
	}

	@Test
	void createsFindsAndDeletesUsers() {
		UserServiceClient client = client(fake.url());
		UUID id = UUID.randomUUID();

		UserAccount created = client.create(id, "client_" + id.toString().substring(0, 8), id + "@example.com");

		assertThat(created.id()).isEqualTo(id);
		assertThat(created.role()).isEqualTo("USER");
		assertThat(client.find(id)).contains(created);
		assertThat(client.delete(id)).isTrue();
		assertThat(client.find(id)).isEmpty();
		assertThat(client.delete(id)).as("already gone counts as undone").isTrue();
	}

	@Test
	void passesConflictsThrough() {
		UserServiceClient client = client(fake.url());
		UUID id = UUID.randomUUID();
		client.create(id, "taken_" + id.toString().substring(0, 8), id + "@example.com");

		assertThatThrownBy(() -> client.create(UUID.randomUUID(), "TAKEN_" + id.toString().substring(0, 8),
				UUID.randomUUID() + "@example.com"))
			.isInstanceOfSatisfying(ApiException.class, ex -> {
				assertThat(ex.code()).isEqualTo(ErrorCode.CONFLICT);
				assertThat(ex.getMessage()).isEqualTo("Username already taken");
			});
	}

	@Test
	void turnsAnUnreachableUserServiceIntoA503Quickly() throws Exception {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		UserServiceClient client = client(URI.create("http://127.0.0.1:" + closedPort).toString());

		long started = System.nanoTime();
		assertThatThrownBy(() -> client.find(UUID.randomUUID())).isInstanceOfSatisfying(ApiException.class,
				ex -> assertThat(ex.code()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE));
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
		assertThat(client.delete(UUID.randomUUID())).isFalse();
	}

	@Test
	void turnsAServerErrorIntoA503() {
		FakeUserService failing = FakeUserService.start();
		failing.mode(FakeUserService.Mode.FAIL);

		assertThatThrownBy(() -> client(failing.url()).find(UUID.randomUUID())).isInstanceOfSatisfying(
				ApiException.class, ex -> assertThat(ex.code()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE));
	}
}
