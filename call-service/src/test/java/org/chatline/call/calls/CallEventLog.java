package org.chatline.call.calls;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.chatline.call.api.CallEvent;
import org.chatline.common.events.Event;
import org.chatline.common.events.EventCodec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.utils.KafkaTestUtils;


/**
 * Everything published on {@code chat.calls.v1} during the test run, read by one consumer per
 * test JVM from the beginning of the topic, so no test can miss an event published before it looked.
 * Each event is kept as a consumer reads it (call-api's record) and as it travelled (the payload's JSON).
 */
final class CallEventLog {

	/** {@code userId} and {@code endedAt} are read from the JSON: not every record carries them. */
	record Received(String key, Event<CallEvent> envelope, JsonNode json) {

		CallEvent event() {
			return envelope.payload();
		}

		UUID userId() {
			return json.hasNonNull("userId") ? UUID.fromString(json.get("userId").asString()) : null;
		}

		Instant endedAt() {
			return json.hasNonNull("endedAt") ? Instant.parse(json.get("endedAt").asString()) : null;
		}
	}

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static CallEventLog instance;

	private final List<Received> received = new CopyOnWriteArrayList<>();

	@SuppressWarnings("unchecked")
	private CallEventLog(EmbeddedKafkaBroker broker, EventCodec codec) {
		Map<String, Object> props = KafkaTestUtils.consumerProps(broker, "call-events-" + UUID.randomUUID(), false);
		props.put("auto.offset.reset", "earliest");
		Consumer<String, String> consumer = new DefaultKafkaConsumerFactory<>(props, new StringDeserializer(),
				new StringDeserializer()).createConsumer();
		consumer.subscribe(List.of(CallEvent.TOPIC));
		Thread poller = new Thread(() -> {
			while (true) {
				consumer.poll(Duration.ofMillis(100)).forEach(r -> {
					Event<CallEvent> event = (Event<CallEvent>) codec.decode(r.value(), List.of(CallEvent.class))
						.orElseThrow(() -> new AssertionError("Not a call event: " + r.value()));
					received.add(new Received(r.key(), event, JSON.readTree(r.value()).get("payload")));
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

	/** The record types published for the call, in order. */
	List<Class<?>> typesOf(UUID callId) {
		return of(callId).stream().<Class<?>>map(r -> r.event().getClass()).toList();
	}

	/** Waits until exactly these events (in this order) were published for the call, and returns them. */
	List<Received> await(UUID callId, Class<?>... types) {
		List<Class<?>> expected = List.of(types);
		Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> typesOf(callId).equals(expected));
		return of(callId);
	}
}
