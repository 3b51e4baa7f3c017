package org.chatline.common.config;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.chatline.common.security.ServiceTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** {@code chat.clients.*} against a real HTTP server: one bean per entry, its own timeouts, the service token. */
class ServiceClientsTests {

	static HttpServer server;

	static String url;

	private final WebApplicationContextRunner contexts = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(InternalClientsAutoConfiguration.class))
		.withBean(ServiceTokens.class, () -> new ServiceTokens() {
			@Override
			public String current() {
				return "service-token";
			}

			@Override
			public void invalidate() {
			}
		});

	@BeforeAll
	static void start() throws IOException {
		server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		server.createContext("/internal/authorization", exchange -> answer(exchange,
				String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"))));
		server.createContext("/internal/slow", exchange -> {
			try {
				Thread.sleep(1000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			answer(exchange, "late");
		});
		server.setExecutor(Executors.newCachedThreadPool());
		server.start();
		url = "http://127.0.0.1:" + server.getAddress().getPort();
	}

	@AfterAll
	static void stop() {
		server.stop(0);
	}

	private static void answer(HttpExchange exchange, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.sendResponseHeaders(200, bytes.length);
		exchange.getResponseBody().write(bytes);
		exchange.close();
	}

	@Test
	void registersAClientPerEntryNamedAfterTheServiceThatCarriesTheServiceToken() {
		contexts.withPropertyValues("chat.clients.user-service.url=" + url, "chat.clients.user-service.load-balanced=false",
				"chat.clients.group-service.url=" + url, "chat.clients.group-service.load-balanced=false")
			.run(context -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBeansOfType(RestClient.class)).containsOnlyKeys("userServiceClient",
						"groupServiceClient");
				RestClient users = context.getBean("userServiceClient", RestClient.class);
				assertThat(users.get().uri("/internal/authorization").retrieve().body(String.class))
					.isEqualTo("Bearer service-token");
			});
	}

	@Test
	void givesEachClientItsOwnReadTimeout() {
		contexts.withPropertyValues("chat.clients.user-service.url=" + url, "chat.clients.user-service.load-balanced=false",
				"chat.clients.user-service.read-timeout=300ms", "chat.clients.group-service.url=" + url,
				"chat.clients.group-service.load-balanced=false")
			.run(context -> {
				RestClient impatient = context.getBean("userServiceClient", RestClient.class);
				long started = System.nanoTime();
				assertThatExceptionOfType(ResourceAccessException.class)
					.isThrownBy(() -> impatient.get().uri("/internal/slow").retrieve().body(String.class))
					.withCauseInstanceOf(SocketTimeoutException.class);
				assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(900));

				RestClient patient = context.getBean("groupServiceClient", RestClient.class);
				assertThat(patient.get().uri("/internal/slow").retrieve().body(String.class)).isEqualTo("late");
			});
	}

	@Test
	void givesUpConnectingAfterTheConnectTimeout() throws IOException {
		// A listener that never accepts, its backlog full: further connection attempts hang.
		try (ServerSocket full = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			List<Socket> queued = new ArrayList<>();
			try {
				for (int i = 0; i < 4; i++) {
					Socket socket = new Socket();
					try {
						socket.connect(full.getLocalSocketAddress(), 200);
						queued.add(socket);
					}
					catch (IOException ex) {
						socket.close();
						break;
					}
				}
				contexts.withPropertyValues("chat.clients.call-service.url=http://127.0.0.1:" + full.getLocalPort(),
						"chat.clients.call-service.load-balanced=false", "chat.clients.call-service.connect-timeout=300ms",
						"chat.clients.call-service.read-timeout=10s")
					.run(context -> {
						RestClient calls = context.getBean("callServiceClient", RestClient.class);
						long started = System.nanoTime();
						assertThatExceptionOfType(ResourceAccessException.class)
							.isThrownBy(() -> calls.get().uri("/internal/calls").retrieve().toBodilessEntity())
							.withCauseInstanceOf(ConnectTimeoutException.class);
						assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofMillis(250),
								Duration.ofSeconds(2));
					});
			}
			finally {
				for (Socket socket : queued) {
					socket.close();
				}
			}
		}
	}

	@Test
	void resolvesTheServiceIdThroughDiscoveryByDefault() {
		contexts.withPropertyValues("chat.clients.message-service.read-timeout=5s").run(context -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("chat.clients.message-service resolves message-service through discovery");
		});
	}

	@Test
	void namesBeansAfterTheService() {
		assertThat(ServiceClients.beanName("user-service")).isEqualTo("userServiceClient");
		assertThat(ServiceClients.beanName("jitsi")).isEqualTo("jitsiClient");
	}
}
