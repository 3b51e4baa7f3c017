package org.chatline.common.events;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonTypeName;

/** A topic's contract as the {@code -api} modules write them, for the codec's and the consumer base's tests. */
public sealed interface TestEvent {

	String TOPIC = "chat.test.v1";

	@JsonTypeName("Renamed")
	record Renamed(UUID id, String name) implements TestEvent {
	}

	@JsonTypeName("Removed")
	record Removed(UUID id) implements TestEvent {
	}
}
