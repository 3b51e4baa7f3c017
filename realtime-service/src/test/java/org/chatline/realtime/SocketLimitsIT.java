package org.chatline.realtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.chatline.common.ratelimit.RateLimitBuckets;
import org.chatline.common.test.TestTokens;
import org.chatline.presence.api.SignalEvent;
import org.chatline.realtime.socket.SocketServerLifecycle;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Socket writes are held to the REST limits, in the gateway's own Redis buckets; typing is
 * throttled and addressed only where the sender may write; one client cannot take the forwarding
 * capacity from the others.
 */
class SocketLimitsIT extends RealtimeITSupport {

	private static final String CLIENT_ADDRESS = "X-Chatline-Client-Address";

	@SuppressWarnings("unchecked")
	private static final RedisScript<List<Long>> HIT = RedisScript.of(RateLimitBuckets.SCRIPT,
			(Class<List<Long>>) (Class<?>) List.class);

	@Autowired
	SocketServerLifecycle socketServer;

	@Autowired
	StringRedisTemplate redis;

	@Autowired
	EmbeddedKafkaBroker broker;

	@Test
	void refusesTheMessageSendBeyondTheMessagesLimitWithoutForwardingIt() throws Exception {
		UUID user = UUID.randomUUID();
		String token = TestTokens.access(user);
		PollingClient socket = connected(token, Map.of());

		for (int i = 1; i <= MESSAGES_LIMIT; i++) {
			socket.send("42" + i + "[\"message:send\",{\"content\":\"n" + i + "\",\"receiverId\":\"" + UUID.randomUUID()
					+ "\"}]");
			assertThat(socket.await("43" + i + "[")).contains("\"success\":true");
		}

		socket.send("4299[\"message:send\",{\"content\":\"one too many\",\"receiverId\":\"" + UUID.randomUUID() + "\"}]");

		// The error event comes first, then the ack.
		assertThat(socket.await("42[\"error\"")).matches("42\\[\"error\",\\{\"message\":\"Rate limit exceeded: "
				+ MESSAGES_LIMIT + " messages per minute, retry in \\d+ s\"}]");
		assertThat(socket.await("4399[")).matches("4399\\[\\{\"success\":false,\"message\":\"Rate limit exceeded: "
				+ MESSAGES_LIMIT + " messages per minute, retry in \\d+ s\",\"code\":\"RATE_LIMIT_EXCEEDED\"}]");
		assertThat(MessageServiceStub.INSTANCE.calls.stream().filter(call -> ("Bearer " + token).equals(call.authorization())))
			.hasSize(MESSAGES_LIMIT);
	}

	@Test
	void sharesTheMessagesBucketWithRestSoMixingDoesNotDoubleTheAllowance() throws Exception {
		UUID user = UUID.randomUUID();
		String token = TestTokens.access(user);
		PollingClient socket = connected(token, Map.of());
		// The gateway counted this user's POST /messages up to the limit.
		for (int i = 0; i < MESSAGES_LIMIT; i++) {
			hit(RateLimitBuckets.key(RATE_LIMIT_PREFIX, RateLimitBuckets.MESSAGES, user.toString()), Duration.ofMinutes(1));
		}

		socket.send("421[\"message:send\",{\"content\":\"one too many\",\"receiverId\":\"" + UUID.randomUUID() + "\"}]");

		assertThat(socket.await("431[")).contains("Rate limit exceeded");
		assertThat(MessageServiceStub.INSTANCE.calls).noneMatch(call -> ("Bearer " + token).equals(call.authorization()));
	}

	@Test
	void countsOtherWritesInTheGeneralBucketOfTheAddressTheGatewayResolved() throws Exception {
		String exhausted = "198.51.100." + (int) (Math.random() * 250 + 1);
		for (int i = 0; i < 100; i++) {
			hit(RateLimitBuckets.key(RATE_LIMIT_PREFIX, RateLimitBuckets.GENERAL, exhausted), Duration.ofMinutes(15));
		}
		String token = TestTokens.access(UUID.randomUUID());
		PollingClient limited = connected(token, Map.of(CLIENT_ADDRESS, exhausted));
		String other = TestTokens.access(UUID.randomUUID());
		PollingClient elsewhere = connected(other, Map.of(CLIENT_ADDRESS, "2001:db8::" + UUID.randomUUID().toString().substring(0, 4)));
		UUID messageId = UUID.randomUUID();

		limited.send("421[\"message:delete\",{\"messageId\":\"" + messageId + "\"}]");
		elsewhere.send("422[\"message:delete\",{\"messageId\":\"" + messageId + "\"}]");

		assertThat(limited.await("431[")).matches("431\\[\\{\"success\":false,\"message\":\"Rate limit exceeded: 100 "
				+ "requests per 15 minutes, retry in \\d+ s\",\"code\":\"RATE_LIMIT_EXCEEDED\"}]");
		assertThat(elsewhere.await("432[")).contains("\"success\":true");
		assertThat(MessageServiceStub.INSTANCE.calls).noneMatch(call -> ("Bearer " + token).equals(call.authorization()));
	}

	@Test
	void refusesTypingToAGroupTheSenderIsNotInWithAnErrorAndNoSignal() throws Exception {
		UUID group = UUID.randomUUID();
		UUID outsider = UUID.randomUUID();
		PollingClient socket = connected(TestTokens.access(outsider), Map.of());

		socket.send("421[\"typing:start\",{\"groupId\":\"" + group + "\"}]");

		assertThat(socket.await("42[\"error\"")).isEqualTo("42[\"error\",{\"message\":\"Not a member of this group\"}]");
		assertThat(socket.await("431[")).contains("FORBIDDEN");
		assertThat(signalsKeyed(group.toString(), Duration.ofSeconds(2))).isEmpty();
	}

	@Test
	void aMemberWhoseSocketIsNotInTheGroupRoomYetMayStillSignalTheGroup() throws Exception {
		// Added a moment ago: group-service knows, but the membership event has not moved the socket
		// into the room yet (rooms are joined asynchronously, at connect and on events).
		UUID group = UUID.randomUUID();
		UUID newcomer = UUID.randomUUID();
		PollingClient socket = connected(TestTokens.access(newcomer), Map.of());
		GroupServiceStub.INSTANCE.member(newcomer, group);

		socket.send("421[\"typing:start\",{\"groupId\":\"" + group + "\"}]");

		assertThat(socket.await("431[")).contains("\"success\":true");
		assertThat(signalsKeyed(group.toString(), Duration.ofSeconds(3))).hasSize(1);
	}

	@Test
	void refusesTypingToOneselfWithAnErrorAndNoSignal() throws Exception {
		UUID user = UUID.randomUUID();
		PollingClient socket = connected(TestTokens.access(user), Map.of());

		socket.send("421[\"typing:start\",{\"receiverId\":\"" + user + "\"}]");

		assertThat(socket.await("42[\"error\"")).isEqualTo("42[\"error\",{\"message\":\"Cannot signal typing to yourself\"}]");
		assertThat(signalsKeyed(user.toString(), Duration.ofSeconds(2))).isEmpty();
	}

	@Test
	void relaysOneTypingStartPerConversationWithinTheInterval() throws Exception {
		UUID typist = UUID.randomUUID();
		UUID receiver = UUID.randomUUID();
		PollingClient typistSocket = connected(TestTokens.access(typist), Map.of());

		for (int i = 0; i < 5; i++) {
			typistSocket.send("42[\"typing:start\",{\"receiverId\":\"" + receiver + "\"}]");
		}

		// One record for the five keystrokes, and the duplicates are dropped without an error.
		assertThat(signalsKeyed(receiver.toString(), Duration.ofSeconds(3))).hasSize(1);
		assertThat(typistSocket.collect(Duration.ofMillis(300))).noneMatch(packet -> packet.contains("error"));
	}

	@Test
	void runsAtMostFourForwardsOfAUserAtOnceQueuesTheNextEightAndRefusesTheRestSoThatOthersAreStillServed()
			throws Exception {
		// Test settings: 4 running per user, 8 more waiting in the user's queue.
		String marker = "hold-" + UUID.randomUUID();
		CountDownLatch release = MessageServiceStub.INSTANCE.hold(marker);
		try {
			PollingClient greedy = connected(TestTokens.access(UUID.randomUUID()),
					Map.of(CLIENT_ADDRESS, "192.0.2." + (int) (Math.random() * 250 + 1)));
			List<String> emits = new ArrayList<>();
			for (int i = 1; i <= 14; i++) {
				emits.add("42" + i + "[\"message:edit\",{\"messageId\":\"" + UUID.randomUUID() + "\",\"content\":\""
						+ marker + "\"}]");
			}
			greedy.send(emits.toArray(String[]::new));
			String otherToken = TestTokens.access(UUID.randomUUID());
			PollingClient other = connected(otherToken, Map.of());

			other.send("4299[\"message:send\",{\"content\":\"fair share\",\"receiverId\":\"" + UUID.randomUUID() + "\"}]");

			assertThat(other.await(packet -> packet.startsWith("4399["), Duration.ofSeconds(3))).contains("\"success\":true");
			List<String> refusals = new ArrayList<>();
			for (int i = 0; i < 2; i++) {
				refusals.add(greedy.await(packet -> packet.startsWith("43") && packet.contains("in progress"),
						Duration.ofSeconds(3)));
			}
			assertThat(refusals).allMatch(ack -> ack.contains("\"message\":\"Too many requests in progress: at most 12 "
					+ "at a time, wait for their answers\",\"code\":\"RATE_LIMIT_EXCEEDED\""));
			release.countDown();
			// The four running and the eight queued are all forwarded once the owner answers.
			List<String> answered = new ArrayList<>();
			for (int i = 0; i < 12; i++) {
				answered.add(greedy.await(packet -> packet.startsWith("43") && packet.contains("\"success\":true"),
						Duration.ofSeconds(10)));
			}
			assertThat(answered).hasSize(12);
		}
		finally {
			release.countDown();
		}
	}

	private void hit(String key, Duration window) {
		redis.execute(HIT, List.of(key), Long.toString(window.toMillis()));
	}

	/** The typing signals published on chat.signals.v1 with this key within the period. */
	private List<String> signalsKeyed(String key, Duration period) {
		Map<String, Object> props = new HashMap<>();
		props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString());
		props.put(ConsumerConfig.GROUP_ID_CONFIG, "signals-it-" + UUID.randomUUID());
		props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
		props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
		List<String> records = new ArrayList<>();
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
			consumer.subscribe(List.of(SignalEvent.TOPIC));
			long deadline = System.nanoTime() + period.toNanos();
			while (System.nanoTime() < deadline) {
				for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
					if (key.equals(record.key())) {
						records.add(record.value());
					}
				}
			}
		}
		return records;
	}

	private PollingClient connected(String token, Map<String, String> headers) throws Exception {
		PollingClient socket = PollingClient.open(socketServer.port(), headers).connect(token);
		String answer = socket.await(packet -> packet.startsWith("40") || packet.startsWith("44"),
				Duration.ofSeconds(10));
		assertThat(answer).startsWith("40{");
		return socket;
	}
}
