package org.chatline.common.events;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.chatline.common.outbox.OutboxProperties;
import org.chatline.common.outbox.ProcessedEvents;
import org.chatline.common.outbox.ProcessedEventsPurge;
import org.chatline.common.test.TestInfrastructure;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The consumer base's de-duplication and the purge of old event ids, against the real PostgreSQL, in a schema of their own made by the outbox migration. */
class EventConsumerIT {

	private static JdbcTemplate jdbc;

	private static ProcessedEvents processed;

	private final EventCodec codec = new EventCodec(JsonMapper.builder().build());

	@BeforeAll
	static void schema() throws Exception {
		TestInfrastructure.Server postgres = TestInfrastructure.postgres();
		SingleConnectionDataSource admin = new SingleConnectionDataSource(
				"jdbc:postgresql://" + postgres.host() + ":" + postgres.port() + "/postgres", "postgres", "", true);
		new JdbcTemplate(admin).execute("drop schema if exists processed_events_it cascade; create schema processed_events_it");
		admin.destroy();
		SingleConnectionDataSource data = new SingleConnectionDataSource("jdbc:postgresql://" + postgres.host() + ":"
				+ postgres.port() + "/postgres?currentSchema=processed_events_it", "postgres", "", true);
		jdbc = new JdbcTemplate(data);
		jdbc.execute(new ClassPathResource("db/outbox/V0_1__outbox.sql").getContentAsString(StandardCharsets.UTF_8));
		processed = new ProcessedEvents(jdbc, new TransactionTemplate(new DataSourceTransactionManager(data)));
	}

	@BeforeEach
	void empty() {
		jdbc.update("delete from processed_event");
	}

	@Test
	void handlesARedeliveredEventOnce() {
		List<TestEvent> handled = new ArrayList<>();
		EventConsumer<TestEvent> consumer = new EventConsumer<>(codec, processed, TestEvent.class) {
			@Override
			protected void handle(Event<TestEvent> event) {
				handled.add(event.payload());
			}
		};
		String json = codec.encode(codec.event(null, new TestEvent.Renamed(UUID.randomUUID(), "ada")));

		consumer.consume(json);
		consumer.consume(json);
		consumer.consume(codec.encode(codec.event(null, new TestEvent.Removed(UUID.randomUUID()))));

		assertThat(handled).hasSize(2);
		assertThat(handled.get(0)).isInstanceOf(TestEvent.Renamed.class);
		assertThat(handled.get(1)).isInstanceOf(TestEvent.Removed.class);
	}

	@Test
	void forgetsAnEventWhoseHandlingFailedSoThatTheRedeliveryIsHandled() {
		UUID eventId = UUID.randomUUID();

		assertThatThrownBy(() -> processed.once(eventId, () -> {
			throw new IllegalStateException("database down");
		})).isInstanceOf(IllegalStateException.class);
		List<UUID> retried = new ArrayList<>();
		processed.once(eventId, () -> retried.add(eventId));
		processed.once(eventId, () -> retried.add(eventId));

		assertThat(retried).containsExactly(eventId);
	}

	@Test
	void purgesOnlyTheIdsOlderThanTheRetention() {
		UUID old = processedDaysAgo(8);
		UUID recent = processedDaysAgo(6);
		UUID now = processedDaysAgo(0);

		assertThat(processed.purgeOlderThan(Duration.ofDays(7))).isEqualTo(1);

		assertThat(ids()).containsExactlyInAnyOrder(recent, now).doesNotContain(old);
	}

	@Test
	void purgesOnItsIntervalOnceStarted() {
		UUID old = processedDaysAgo(30);
		UUID recent = processedDaysAgo(1);
		ProcessedEventsPurge purge = new ProcessedEventsPurge(processed,
				new OutboxProperties(500, Duration.ofMillis(500), Duration.ofDays(7), Duration.ofMillis(50)));
		purge.start();
		try {
			await().atMost(Duration.ofSeconds(5)).until(() -> !ids().contains(old));
			assertThat(ids()).containsExactly(recent);
		}
		finally {
			purge.stop();
		}
	}

	private UUID processedDaysAgo(int days) {
		UUID id = UUID.randomUUID();
		jdbc.update("insert into processed_event (event_id, processed_at) values (?, now() - make_interval(days => ?))",
				id, days);
		return id;
	}

	private List<UUID> ids() {
		return jdbc.queryForList("select event_id from processed_event", UUID.class);
	}
}
