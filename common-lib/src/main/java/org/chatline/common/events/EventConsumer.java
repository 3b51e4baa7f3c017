package org.chatline.common.events;

import java.util.List;

import org.chatline.common.outbox.ProcessedEvents;

/**
 * The one way a service consumes events. A subclass's {@code @KafkaListener} method hands the
 * record's text to {@link #consume}; this decodes it, skips what is malformed or of a type the
 * consumer does not read, optionally drops redeliveries (by {@code eventId}, through
 * {@code processed_event}, in one transaction with the handling), and calls {@link #handle} with
 * the typed event. The handler tests the payload with {@code instanceof} patterns over the sealed
 * interface. An exception from the handler propagates, so Kafka's error handler retries.
 *
 * @param <E> the sealed interface of the topic (or {@code Object} for several topics)
 */
public abstract class EventConsumer<E> {

	private final EventCodec codec;

	private final List<Class<?>> contracts;

	private final ProcessedEvents processed;

	/** Every event, redeliveries included: for handlers that are idempotent by themselves. */
	protected EventConsumer(EventCodec codec, Class<E> contract) {
		this(codec, null, List.of(contract));
	}

	/** Each event once: redeliveries are recognised by their {@code eventId} and dropped. */
	protected EventConsumer(EventCodec codec, ProcessedEvents processed, Class<E> contract) {
		this(codec, processed, List.of(contract));
	}

	/** Several topics in one listener; {@code processed} may be null (no de-duplication). */
	protected EventConsumer(EventCodec codec, ProcessedEvents processed, List<Class<? extends E>> contracts) {
		this.codec = codec;
		this.processed = processed;
		this.contracts = List.copyOf(contracts);
	}

	/** Decodes, filters and handles one record's value. */
	@SuppressWarnings("unchecked")
	protected final void consume(String json) {
		codec.decode(json, contracts).ifPresent(decoded -> {
			Event<E> event = (Event<E>) decoded;
			if (processed == null) {
				handle(event);
			}
			else {
				processed.once(event.eventId(), () -> handle(event));
			}
		});
	}

	protected abstract void handle(Event<E> event);
}
