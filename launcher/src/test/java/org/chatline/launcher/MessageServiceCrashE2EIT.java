package org.chatline.launcher;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.chatline.launcher.ChatApi.Response;
import org.chatline.launcher.ChatApi.TestUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A crash in the middle of a burst: message-service is killed with SIGKILL while several clients
 * send, then restarted. What was acknowledged must be stored, what is stored must be published
 * exactly once (after de-duplication by event id), and retries with the same
 * {@code clientMessageId} must not create a second message.
 */
@ExtendWith(PlatformExtension.class)
class MessageServiceCrashE2EIT {

	private static final String SERVICE = PlatformService.MESSAGE.module();

	private static final int SENDERS = 4;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final ChatApi api = new ChatApi(ChatApi.GATEWAY);

	@Test
	void everyAcknowledgedSendSurvivesAKillAndIsPublishedExactlyOnce(Platform platform, FaultInjector faults) throws Exception {
		TestUser alice = this.api.registerAndLogin();
		TestUser bob = this.api.registerAndLogin();
		String run = UUID.randomUUID().toString().substring(0, 8);
		Map<String, String> acknowledged = new ConcurrentHashMap<>();
		Set<String> unanswered = ConcurrentHashMap.newKeySet();
		AtomicBoolean stop = new AtomicBoolean();
		AtomicInteger attempts = new AtomicInteger();

		ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
		for (int s = 0; s < SENDERS; s++) {
			int sender = s;
			senders.submit(() -> {
				for (int i = 0; !stop.get(); i++) {
					String clientId = "crash-" + run + "-" + sender + "-" + i;
					attempts.incrementAndGet();
					Response sent = send(alice, bob, clientId);
					if (sent != null && sent.status() == 201) {
						acknowledged.put(clientId, sent.body().path("data").path("id").asString());
					}
					else {
						unanswered.add(clientId);
						pause(50);
					}
				}
			});
		}
		await("a burst under way").atMost(Duration.ofSeconds(60)).until(() -> acknowledged.size() >= 40);
		faults.kill(SERVICE);
		int acknowledgedAtKill = acknowledged.size();
		pause(1500);
		stop.set(true);
		senders.shutdown();
		assertThat(senders.awaitTermination(60, TimeUnit.SECONDS)).as("senders stopped").isTrue();
		assertThat(unanswered).as("sends refused while message-service was down").isNotEmpty();

		faults.restart(SERVICE);

		// A client retries what got no 201 with the same clientMessageId: stored once, whatever happened.
		AtomicInteger storedBeforeRetry = new AtomicInteger();
		for (String clientId : unanswered) {
			await("retry of " + clientId).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
				.until(() -> {
					Response retried = send(alice, bob, clientId);
					if (retried != null && (retried.status() == 201 || retried.status() == 200)) {
						if (retried.status() == 200) {
							storedBeforeRetry.incrementAndGet();
						}
						acknowledged.merge(clientId, retried.body().path("data").path("id").asString(),
								(first, again) -> {
									assertThat(again).as("id returned on retry of %s", clientId).isEqualTo(first);
									return first;
								});
						return true;
					}
					return false;
				});
		}

		System.out.printf("crash test: %d sends, %d acknowledged before the kill, %d unanswered (%d of them stored "
				+ "already, their 201 lost in the crash)%n", attempts.get(), acknowledgedAtKill, unanswered.size(),
				storedBeforeRetry.get());
		Map<String, String> stored = StoredMessages.bySender(platform, alice.id());
		assertThat(acknowledgedAtKill).as("sends acknowledged before the kill").isGreaterThanOrEqualTo(40);
		assertThat(stored).as("every acknowledged send is stored, under the id the client got, and nothing else")
			.isEqualTo(acknowledged);
		assertThat(stored).as("one message per clientMessageId attempted").hasSize(attempts.get());

		Map<String, Set<String>> eventIdsByMessage = awaitCreatedEvents(platform, alice.id(), Set.copyOf(stored.values()));
		assertThat(eventIdsByMessage.keySet()).as("messages published").isEqualTo(Set.copyOf(stored.values()));
		eventIdsByMessage.forEach((messageId, eventIds) -> assertThat(eventIds)
			.as("distinct MessageCreated events of %s", messageId).hasSize(1));
	}

	private Response send(TestUser from, TestUser to, String clientId) {
		try {
			return this.api.post("/messages", ChatApi.json(Map.of("content", "burst " + clientId, "type", "TEXT",
					"receiverId", to.id(), "clientMessageId", clientId)), from.bearer());
		}
		catch (IllegalStateException connectionCut) {
			return null;
		}
	}

	/**
	 * Reads {@code chat.messages.v1} from the beginning until every expected message has its
	 * {@code MessageCreated}: message id → the distinct event ids that announced it.
	 */
	private static Map<String, Set<String>> awaitCreatedEvents(Platform platform, String senderId, Set<String> expected) {
		Properties props = new Properties();
		props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrapServers());
		props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
		props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
		props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
		Map<String, Set<String>> eventIds = new HashMap<>();
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
			List<TopicPartition> partitions = new ArrayList<>();
			consumer.partitionsFor("chat.messages.v1", Duration.ofSeconds(10))
				.forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
			while (!eventIds.keySet().containsAll(expected) && System.nanoTime() < deadline) {
				collectCreated(consumer.poll(Duration.ofMillis(500)), senderId, eventIds);
			}
			// Then whatever else is on the topic already: a duplicate publication would be.
			for (int idle = 0; idle < 3;) {
				ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
				idle = records.isEmpty() ? idle + 1 : 0;
				collectCreated(records, senderId, eventIds);
			}
		}
		return eventIds;
	}

	private static void collectCreated(ConsumerRecords<String, String> records, String senderId,
			Map<String, Set<String>> eventIds) {
		for (ConsumerRecord<String, String> record : records) {
			JsonNode event = JSON.readTree(record.value());
			JsonNode payload = event.path("payload");
			if (event.path("type").asString().equals("MessageCreated")
					&& payload.path("senderId").asString().equals(senderId)) {
				eventIds.computeIfAbsent(payload.path("id").asString(), id -> new HashSet<>())
					.add(event.path("eventId").asString());
			}
		}
	}

	private static void pause(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
