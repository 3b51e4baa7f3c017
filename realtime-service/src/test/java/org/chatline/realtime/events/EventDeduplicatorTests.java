package org.chatline.realtime.events;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EventDeduplicatorTests {

	@Test
	void recognisesARedelivery() {
		EventDeduplicator deduplicator = new EventDeduplicator(10);
		UUID id = UUID.randomUUID();

		assertThat(deduplicator.firstDelivery(id)).isTrue();
		assertThat(deduplicator.firstDelivery(id)).isFalse();
	}

	@Test
	void forgetsTheLeastRecentlySeenBeyondItsCapacity() {
		EventDeduplicator deduplicator = new EventDeduplicator(2);
		UUID a = UUID.randomUUID();
		UUID b = UUID.randomUUID();
		UUID c = UUID.randomUUID();
		deduplicator.firstDelivery(a);
		deduplicator.firstDelivery(b);
		deduplicator.firstDelivery(a);

		deduplicator.firstDelivery(c);

		assertThat(deduplicator.firstDelivery(a)).isFalse();
		assertThat(deduplicator.firstDelivery(b)).isTrue();
	}
}
