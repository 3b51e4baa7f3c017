package org.chatline.call.calls;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.chatline.common.events.CallEvent;
import org.chatline.common.events.EventCodec;
import org.chatline.common.events.EventEnvelope;
import org.chatline.common.events.Topics;

import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.utils.KafkaTestUtils;


/**
 * Everything published on {@code chat.calls.v1} during the test run, read by one consumer per
 * test JVM from the beginning of the topic, so no test can miss an event published before it looked.
 */
final class CallEventLog {

	record Received(String key, EventEnvelope envelope, CallEvent event) {
	}

	private static CallEventLog instance;

	private final List<Received> received = new CopyOnWriteArrayList<>();

	private CallEventLog(EmbeddedKafkaBroker broker, EventCodec codec) {
		Map<String, Object> props = KafkaTestUtils.consumerProps(broker, "call-events-" + UUID.randomUUID(), false);
		props.put("auto.offset.reset", "earliest");
		Consumer<String, String> consumer = new DefaultKafkaConsumerFactory<>(props, new StringDeserializer(),
				new StringDeserializer()).createConsumer();
		consumer.subscribe(List.of(Topics.CALLS));
		Thread poller = new Thread(() -> {
			while (true) {
				consumer.poll(Duration.ofMillis(100)).forEach(r -> {
					EventEnvelope envelope = codec.decode(r.value());
					received.add(new Received(r.key(), envelope, codec.payload(envelope, CallEvent.class)));
				});
			}
		}, "call-event-log");
		poller.setDaemon(true);
		poller.start();
	}

	static synchronized CallEventLog of(EmbeddedKafkaBroker broker, EventCodec codec) {
		if (instance == null) {
			instance = new CallEventLog(broker, codec);
		}
		return instance;
	}

	List<Received> of(UUID callId) {
		return received.stream().filter(r -> callId.equals(r.event().callId())).toList();
	}

	List<String> typesOf(UUID callId) {
		return of(callId).stream().map(r -> r.envelope().type()).toList();
	}

	/** Waits until exactly these events (in this order) were published for the call, and returns them. */
	List<Received> await(UUID callId, String... types) {
		List<String> expected = List.of(types);
		Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> typesOf(callId).equals(expected));
		return of(callId);
	}
}
