package org.chatline.group.groups;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.chatline.common.test.ServiceIT;
import org.chatline.group.api.GroupEvent;
import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.awaitility.Awaitility.await;

/**
 * What every group-service integration test shares: one {@link ServiceIT} context (the stub
 * user-service is declared here once, so the context cache key is the same for every subclass),
 * the HTTP client and the fixtures.
 */
@ServiceIT
abstract class GroupServiceTestSupport {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Autowired
	EmbeddedKafkaBroker broker;

	GroupApi api;

	GroupFixtures fixtures;

	@DynamicPropertySource
	static void userService(DynamicPropertyRegistry registry) {
		registry.add("spring.cloud.discovery.client.simple.instances.user-service[0].uri", UserServiceStub.INSTANCE::url);
	}

	@BeforeEach
	void client() {
		api = new GroupApi(port, json);
		fixtures = new GroupFixtures(api, jdbc);
	}

	/** Listens to chat.groups.v1 from now on; close it after use. */
	GroupEventLog groupEvents() {
		Map<String, Object> props = KafkaTestUtils.consumerProps(broker, "test-" + UUID.randomUUID(), false);
		props.put("auto.offset.reset", "latest");
		Consumer<String, String> consumer = new DefaultKafkaConsumerFactory<>(props, new StringDeserializer(),
				new StringDeserializer()).createConsumer();
		consumer.subscribe(List.of(GroupEvent.TOPIC));
		await().atMost(Duration.ofSeconds(10)).until(() -> {
			consumer.poll(Duration.ofMillis(100));
			return !consumer.assignment().isEmpty();
		});
		// Resolve "latest" now: otherwise an event sent before the first fetch would be skipped.
		consumer.assignment().forEach(consumer::position);
		return new GroupEventLog(consumer);
	}

	/** Every record the consumer has seen, in delivery order, queried per group. */
	static final class GroupEventLog implements AutoCloseable {

		private final Consumer<String, String> consumer;

		private final List<ConsumerRecord<String, String>> seen = new ArrayList<>();

		GroupEventLog(Consumer<String, String> consumer) {
			this.consumer = consumer;
		}

		/** Waits until at least {@code count} records keyed by the group have arrived; returns them all. */
		List<ConsumerRecord<String, String>> of(UUID groupId, int count) {
			await().atMost(Duration.ofSeconds(15)).until(() -> {
				KafkaTestUtils.getRecords(consumer, Duration.ofMillis(200)).forEach(seen::add);
				return keyed(groupId).size() >= count;
			});
			return keyed(groupId);
		}

		private List<ConsumerRecord<String, String>> keyed(UUID groupId) {
			return seen.stream().filter(r -> groupId.toString().equals(r.key())).toList();
		}

		@Override
		public void close() {
			consumer.close();
		}
	}
}
