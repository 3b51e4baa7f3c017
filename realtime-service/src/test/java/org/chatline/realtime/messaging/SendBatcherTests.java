package org.chatline.realtime.messaging;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.chatline.realtime.RealtimeProperties;
import org.chatline.realtime.forwarding.ServiceReply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link SendBatcher} against a real HTTP server playing message-service: sends that wait while a
 * batch is in flight go together in the next request, each answered with its own result, and a
 * message-service without the batch endpoint gets them one by one on its public API.
 */
class SendBatcherTests {

	private final JsonMapper json = JsonMapper.builder().build();

	/** Each request's path and body, in arrival order. */
	private final BlockingQueue<String[]> requests = new LinkedBlockingQueue<>();

	private final CountDownLatch release = new CountDownLatch(1);

	private HttpServer server;

	private final ExecutorService serverThreads = Executors.newCachedThreadPool();

	private SendBatcher batcher;

	@AfterEach
	void stop() {
		release.countDown();
		if (batcher != null) {
			batcher.stop();
		}
		if (server != null) {
			server.stop(0);
		}
		serverThreads.shutdownNow();
	}

	@Test
	void sendsThatWaitWhileABatchIsInFlightGoTogetherAndEachGetsItsOwnAnswer() throws Exception {
		start(true, 1, 64);
		CompletableFuture<ServiceReply> first = send("token-0", "hold").toCompletableFuture();
		awaitRequests(1);
		List<CompletableFuture<ServiceReply>> waiting = new ArrayList<>();
		for (int i = 1; i <= 5; i++) {
			waiting.add(send("token-" + i, i == 3 ? "" : "hello " + i).toCompletableFuture());
		}
		release.countDown();

		assertThat(first.get(5, TimeUnit.SECONDS).status()).isEqualTo(201);
		for (int i = 0; i < 5; i++) {
			ServiceReply reply = waiting.get(i).get(5, TimeUnit.SECONDS);
			assertThat(reply.status()).isEqualTo(i == 2 ? 400 : 201);
		}
		assertThat(waiting.get(2).get().message()).isEqualTo("content: must be 1-5000 characters");
		assertThat(waiting.get(0).get().data()).isEqualTo(Map.of("content", "hello 1", "token", "token-1"));
		// One request for the held send, one for the five that waited behind it.
		assertThat(requests).hasSize(2);
		requests.poll();
		JsonNode second = json.readTree(requests.poll()[1]).get("sends");
		assertThat(second).hasSize(5);
		assertThat(second.get(4).get("token").asString()).isEqualTo("token-5");
	}

	@Test
	void anOlderMessageServiceWithoutTheBatchEndpointGetsEachSendOnItsPublicApi() throws Exception {
		start(false, 2, 64);

		ServiceReply reply = send("token-a", "hi").toCompletableFuture().get(5, TimeUnit.SECONDS);

		assertThat(reply.status()).isEqualTo(201);
		assertThat(reply.data()).isEqualTo(Map.of("content", "hi", "token", "token-a"));
		// The batch endpoint answered 404 (no such route), then the public API took the send.
		assertThat(requests.stream().map(request -> request[0])).containsExactly("/api/v1/messages");
	}

	@Test
	void anUnreachableMessageServiceIsAnsweredUnavailableAndAStoppedBatcherRefusesAtOnce() throws Exception {
		start(true, 1, 1);
		server.stop(0);
		ServiceReply reply = send("t", "hi").toCompletableFuture().get(10, TimeUnit.SECONDS);
		assertThat(reply.status()).isEqualTo(503);
		assertThat(reply.message()).isEqualTo("Message service unavailable");

		batcher.stop();
		ServiceReply stopped = send("t", "hi").toCompletableFuture().get(1, TimeUnit.SECONDS);
		assertThat(stopped.status()).isEqualTo(503);
		assertThat(stopped.message()).isEqualTo("Server is shutting down");
	}

	private java.util.concurrent.CompletionStage<ServiceReply> send(String token, String content) {
		return batcher.send(token, Map.of("content", content));
	}

	private void awaitRequests(int count) throws InterruptedException {
		for (int i = 0; i < 100 && requests.size() < count; i++) {
			Thread.sleep(20);
		}
		assertThat(requests).hasSize(count);
	}

	/**
	 * message-service: the batch endpoint (when {@code batches}) answers each send 201 with its content
	 * and token as data, or 400 for an empty content; a batch holding the content "hold" is answered
	 * only once the test releases it.
	 */
	private void start(boolean batches, int threads, int queue) throws IOException {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.setExecutor(serverThreads);
		if (batches) {
			server.createContext("/internal/messages/send-batch", exchange -> {
				String body = record(exchange);
				if (body.contains("\"hold\"")) {
					await();
				}
				StringBuilder reply = new StringBuilder("{\"success\":true,\"data\":[");
				JsonNode sends = json.readTree(body).get("sends");
				for (int i = 0; i < sends.size(); i++) {
					reply.append(i == 0 ? "" : ",")
						.append("{\"status\":")
						.append(answer(sends.get(i).get("token").asString(), sends.get(i).get("message")))
						.append('}');
				}
				respond(exchange, 200, reply.append("]}").toString());
			});
		}
		server.createContext("/api/v1/messages", exchange -> {
			JsonNode message = json.readTree(record(exchange));
			String token = exchange.getRequestHeaders().getFirst("Authorization").substring("Bearer ".length());
			String answer = answer(token, message);
			respond(exchange, Integer.parseInt(answer.substring(0, 3)), answer.substring(answer.indexOf(':') + 1));
		});
		server.start();
		RestClient rest = RestClient.create("http://127.0.0.1:" + server.getAddress().getPort());
		RealtimeProperties properties = new RealtimeProperties(0, "127.0.0.1", Duration.ofSeconds(25),
				Duration.ofSeconds(20), Duration.ofSeconds(10), null, 100, 2, Duration.ofSeconds(1), Duration.ofSeconds(10),
				false, 4, 64, Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofSeconds(2), 10,
				Duration.ofSeconds(5), 64, threads, queue);
		batcher = new SendBatcher(rest, new MessageServiceClient(rest, json), properties, new SimpleMeterRegistry());
		batcher.start();
	}

	/** {@code <status>,"body":<envelope>} for one send. */
	private String answer(String token, JsonNode message) {
		String content = message.get("content").asString();
		if (content.isEmpty()) {
			return "400,\"body\":{\"success\":false,\"message\":\"content: must be 1-5000 characters\",\"code\":\"VALIDATION_ERROR\"}";
		}
		return "201,\"body\":{\"success\":true,\"data\":" + json.writeValueAsString(Map.of("content", content, "token", token)) + "}";
	}

	private String record(HttpExchange exchange) throws IOException {
		String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		requests.add(new String[] { exchange.getRequestURI().getPath(), body });
		return body;
	}

	private void await() {
		try {
			release.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static void respond(HttpExchange exchange, int status, String reply) throws IOException {
		byte[] bytes = reply.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		exchange.getResponseBody().write(bytes);
		exchange.close();
	}
}
