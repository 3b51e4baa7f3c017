package org.chatline.common.events;

import java.lang.reflect.Field;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.annotation.JsonTypeName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns events into the JSON text that travels on Kafka, and back. A payload is a record of a
 * topic's sealed interface (e.g. {@code MessageEvent}): the envelope's {@code type} is the
 * record's {@code @JsonTypeName} and the topic is the interface's {@code TOPIC} constant, so the
 * two can never disagree with the payload. Reading skips what it cannot use instead of throwing,
 * so one bad record never stalls a partition.
 */
public class EventCodec {

	private static final Logger log = LoggerFactory.getLogger(EventCodec.class);

	private final JsonMapper mapper;

	/** By the sealed interfaces a consumer reads: their records by envelope type. */
	private final Map<List<Class<?>>, Map<String, Class<?>>> types = new ConcurrentHashMap<>();

	public EventCodec(JsonMapper mapper) {
		// A field a newer producer added, or one an older record still carries as null, is no reason to drop an event.
		this.mapper = mapper.rebuild().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
	}

	/** A new event: a fresh id, now, and the payload's type name. */
	public <T> Event<T> event(UUID actorId, T payload) {
		return new Event<>(UUID.randomUUID(), typeName(payload.getClass()),
				Instant.now().truncatedTo(ChronoUnit.MILLIS), actorId, payload);
	}

	public String encode(Event<?> event) {
		return mapper.writeValueAsString(event);
	}

	/**
	 * The event, if {@code json} is an envelope whose type is a record of one of {@code contracts}
	 * (sealed interfaces). Empty for another type (not this consumer's business) and, with a
	 * warning, for text that is not a readable event.
	 */
	public Optional<Event<?>> decode(String json, List<Class<?>> contracts) {
		try {
			Envelope envelope = mapper.readValue(json, Envelope.class);
			if (envelope.eventId() == null || envelope.type() == null) {
				log.warn("Skipping a record that is not an event envelope");
				return Optional.empty();
			}
			Class<?> payloadType = types.computeIfAbsent(contracts, EventCodec::typesOf).get(envelope.type());
			if (payloadType == null) {
				return Optional.empty();
			}
			Object payload = envelope.payload() == null ? null : mapper.treeToValue(envelope.payload(), payloadType);
			if (payload == null) {
				log.warn("Skipping event {} ({}) without a payload", envelope.eventId(), envelope.type());
				return Optional.empty();
			}
			return Optional.of(new Event<>(envelope.eventId(), envelope.type(), envelope.occurredAt(),
					envelope.actorId(), payload));
		}
		catch (JacksonException ex) {
			log.warn("Skipping a record that is not a readable event: {}", ex.getOriginalMessage());
			return Optional.empty();
		}
	}

	/** The envelope type of a payload record: its {@code @JsonTypeName}. */
	public static String typeName(Class<?> payloadType) {
		JsonTypeName name = payloadType.getAnnotation(JsonTypeName.class);
		if (name == null || name.value().isEmpty()) {
			throw new IllegalArgumentException(payloadType.getName() + " has no @JsonTypeName");
		}
		return name.value();
	}

	/**
	 * The topic of a payload record: the {@code TOPIC} constant of the sealed interface it belongs
	 * to, looked up once per record class (every outbox append asks).
	 */
	public static String topic(Class<?> payloadType) {
		return TOPICS.get(payloadType);
	}

	private static final ClassValue<String> TOPICS = new ClassValue<>() {
		@Override
		protected String computeValue(Class<?> payloadType) {
			for (Class<?> contract : payloadType.getInterfaces()) {
				try {
					Field topic = contract.getField("TOPIC");
					return (String) topic.get(null);
				}
				catch (NoSuchFieldException | IllegalAccessException ex) {
					// not a topic's interface: try the next
				}
			}
			throw new IllegalArgumentException(payloadType.getName() + " belongs to no interface with a TOPIC");
		}
	};

	private static Map<String, Class<?>> typesOf(Collection<Class<?>> contracts) {
		Map<String, Class<?>> byName = new HashMap<>();
		contracts.forEach(contract -> collect(contract, byName));
		return byName;
	}

	private static void collect(Class<?> type, Map<String, Class<?>> byName) {
		if (type.isSealed()) {
			for (Class<?> permitted : type.getPermittedSubclasses()) {
				collect(permitted, byName);
			}
		}
		else if (byName.putIfAbsent(typeName(type), type) != null) {
			throw new IllegalArgumentException("Two records are called " + typeName(type));
		}
	}

	/** The envelope as read, before its payload is known. */
	private record Envelope(UUID eventId, String type, Instant occurredAt, UUID actorId, JsonNode payload) {
	}
}
