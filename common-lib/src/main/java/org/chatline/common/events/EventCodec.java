package org.chatline.common.events;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** Turns envelopes into the JSON text that travels on Kafka, and back. */
public class EventCodec {

	private final JsonMapper mapper;

	public EventCodec(JsonMapper mapper) {
		this.mapper = mapper;
	}

	public EventEnvelope envelope(String type, UUID actorId, Object payload) {
		return new EventEnvelope(UUID.randomUUID(), type, Instant.now().truncatedTo(ChronoUnit.MILLIS), actorId,
				mapper.valueToTree(payload));
	}

	public String encode(EventEnvelope envelope) {
		return mapper.writeValueAsString(envelope);
	}

	/** Decodes an envelope; throws {@link IllegalArgumentException} for text that is not one. */
	public EventEnvelope decode(String json) {
		try {
			EventEnvelope envelope = mapper.readValue(json, EventEnvelope.class);
			if (envelope.eventId() == null || envelope.type() == null) {
				throw new IllegalArgumentException("Not an event envelope");
			}
			return envelope;
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException("Not an event envelope", ex);
		}
	}

	public <T> T payload(EventEnvelope envelope, Class<T> type) {
		return mapper.treeToValue(envelope.payload(), type);
	}
}
