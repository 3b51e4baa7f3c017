package org.chatline.common.events;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class EventCodecTests {

	private static final List<Class<?>> CONTRACTS = List.of(TestEvent.class);

	private final EventCodec codec = new EventCodec(JsonMapper.builder().build());

	@Test
	void namesTheTypeAndTopicAfterTheRecordAndItsInterface() {
		UUID actor = UUID.randomUUID();
		Event<TestEvent.Renamed> event = codec.event(actor, new TestEvent.Renamed(actor, "ada"));

		assertThat(event.type()).isEqualTo("Renamed");
		assertThat(event.actorId()).isEqualTo(actor);
		assertThat(EventCodec.topic(TestEvent.Renamed.class)).isEqualTo(TestEvent.TOPIC);
	}

	@Test
	void decodesWhatItEncodesIntoTheRecordOfTheType() {
		UUID id = UUID.randomUUID();
		Event<TestEvent.Renamed> sent = codec.event(id, new TestEvent.Renamed(id, "ada"));

		Optional<Event<?>> received = codec.decode(codec.encode(sent), CONTRACTS);

		assertThat(received).contains(sent);
	}

	@Test
	void readsTheEnvelopeFieldsOnTheWire() {
		String json = """
				{"eventId":"5d0f6a1e-6c1b-4a43-9a52-3f0b3c1f5a10","type":"Removed","occurredAt":"2026-12-03T15:00:00.123Z",
				"actorId":null,"payload":{"id":"0b1c6c64-9b7e-4a35-8f35-0e4f2c3a6f01","extra":null}}""";

		Event<?> event = codec.decode(json, CONTRACTS).orElseThrow();

		assertThat(event.eventId()).isEqualTo(UUID.fromString("5d0f6a1e-6c1b-4a43-9a52-3f0b3c1f5a10"));
		assertThat(event.occurredAt()).hasToString("2026-12-03T15:00:00.123Z");
		assertThat(event.payload()).isEqualTo(new TestEvent.Removed(UUID.fromString("0b1c6c64-9b7e-4a35-8f35-0e4f2c3a6f01")));
	}

	@Test
	void skipsTypesTheConsumerDoesNotRead() {
		String json = """
				{"eventId":"5d0f6a1e-6c1b-4a43-9a52-3f0b3c1f5a10","type":"SomethingNew","payload":{"id":null}}""";

		assertThat(codec.decode(json, CONTRACTS)).isEmpty();
	}

	@Test
	void skipsWhatIsNotAReadableEventInsteadOfThrowing() {
		assertThat(codec.decode("not json", CONTRACTS)).isEmpty();
		assertThat(codec.decode("[1, 2]", CONTRACTS)).isEmpty();
		assertThat(codec.decode("{\"type\":\"Removed\",\"payload\":{}}", CONTRACTS)).as("no event id").isEmpty();
		assertThat(codec.decode("{\"eventId\":\"5d0f6a1e-6c1b-4a43-9a52-3f0b3c1f5a10\",\"type\":\"Removed\"}", CONTRACTS))
			.as("no payload")
			.isEmpty();
		assertThat(codec.decode("""
				{"eventId":"5d0f6a1e-6c1b-4a43-9a52-3f0b3c1f5a10","type":"Removed","payload":{"id":"not-a-uuid"}}""",
				CONTRACTS)).as("a payload that is not the record").isEmpty();
	}
}
