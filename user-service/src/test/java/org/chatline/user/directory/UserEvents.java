package org.chatline.user.directory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.chatline.user.api.UserEvent;

import org.springframework.kafka.test.EmbeddedKafkaBroker;

/** Reads {@code chat.users.v1} from the embedded broker, from the beginning, in a fresh group. */
final class UserEvents implements AutoCloseable {

	private final KafkaConsumer<String, String> consumer;

	private final List<ConsumerRecord<String, String>> seen = new ArrayList<>();

	UserEvents(EmbeddedKafkaBroker broker) {
		this.consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
				ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
				"earliest"), new StringDeserializer(), new StringDeserializer());
		consumer.subscribe(List.of(UserEvent.TOPIC));
	}

	/** Everything read so far, after one more poll. */
	List<ConsumerRecord<String, String>> poll() {
		consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
		return seen;
	}

	@Override
	public void close() {
		consumer.close();
	}
}
