package org.chatline.call.calls;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.chatline.call.api.CallEvent.CallEnded;
import org.chatline.call.api.CallEvent.CallInitiated;
import org.chatline.call.api.CallEvent.CallParticipantJoined;
import org.chatline.call.api.CallEvent.CallRejected;
import org.chatline.common.events.EventCodec;
import org.chatline.common.test.ServiceIT;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Parallel requests on one call: the row lock serializes them, so whatever order they land in,
 * the call ends up in a state the state machine allows, with one event per change and none for
 * refused requests.
 */
@ServiceIT
@Import(CallTestConfiguration.class)
class CallConcurrencyIT {

	static final int THREADS = 10;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Autowired
	EventCodec codec;

	@Autowired
	EmbeddedKafkaBroker broker;

	CallApi api;

	CallEventLog events;

	ExecutorService pool;

	@BeforeEach
	void setUp() {
		api = new CallApi(port, json);
		events = CallEventLog.of(broker, codec);
		pool = Executors.newFixedThreadPool(THREADS);
	}

	@AfterEach
	void tearDown() {
		pool.shutdownNow();
	}

	@Test
	void tenInviteesAnsweringAtOnceAllGetIn() throws Exception {
		UUID a = CallFixtures.knownUser(jdbc);
		List<UUID> invitees = CallFixtures.knownUsers(jdbc, THREADS);
		UUID id = api.start(a, invitees.toArray(UUID[]::new));

		List<CallApi.Reply> replies = race(invitees.stream().map(u -> (Callable<CallApi.Reply>) () -> api.join(id, u))
			.toList());

		assertThat(replies).allSatisfy(r -> assertThat(r.status()).isEqualTo(200));
		JsonNode call = api.get(id, a).data();
		assertConsistent(call);
		assertThat(call.get("status").asString()).isEqualTo("ONGOING");
		assertThat(call.get("participants")).allSatisfy(p -> assertThat(p.get("joinedAt").isNull()).isFalse());
		List<Class<?>> expected = new ArrayList<>(List.of(CallInitiated.class));
		invitees.forEach(u -> expected.add(CallParticipantJoined.class));
		List<CallEventLog.Received> published = events.await(id, expected.toArray(Class<?>[]::new));
		assertThat(published.stream().skip(1).map(CallEventLog.Received::userId))
			.containsExactlyInAnyOrderElementsOf(invitees);
		assertThat(published.stream().skip(1)).allSatisfy(r -> assertThat(r.event().status()).isEqualTo("ONGOING"));
	}

	@RepeatedTest(3)
	void answeringAndRejectingAtOnceEitherAnswersOrRejects() throws Exception {
		UUID a = CallFixtures.knownUser(jdbc);
		UUID b = CallFixtures.knownUser(jdbc);
		UUID id = api.start(a, b);
		List<Callable<CallApi.Reply>> requests = new ArrayList<>();
		for (int i = 0; i < THREADS; i++) {
			requests.add(i % 2 == 0 ? () -> api.join(id, b) : () -> api.reject(id, b));
		}

		Map<Integer, Long> statuses = count(race(requests));

		JsonNode call = api.get(id, a).data();
		assertConsistent(call);
		settle();
		if (call.get("status").asString().equals("ONGOING")) {
			// Answered first: every join succeeds (the later ones change nothing), every reject is refused.
			assertThat(statuses).containsExactlyInAnyOrderEntriesOf(Map.of(200, 5L, 409, 5L));
			assertThat(events.typesOf(id)).containsExactly(CallInitiated.class, CallParticipantJoined.class);
		}
		else {
			// Rejected first: one reject succeeds, everything after it is refused.
			assertThat(call.get("status").asString()).isEqualTo("REJECTED");
			assertThat(statuses).containsExactlyInAnyOrderEntriesOf(Map.of(200, 1L, 409, 9L));
			assertThat(events.typesOf(id)).containsExactly(CallInitiated.class, CallRejected.class);
		}
	}

	@Test
	void tenEndsAtOnceEndTheCallOnce() throws Exception {
		UUID a = CallFixtures.knownUser(jdbc);
		UUID b = CallFixtures.knownUser(jdbc);
		UUID id = api.start(a, b);
		api.join(id, b);
		List<Callable<CallApi.Reply>> requests = new ArrayList<>();
		for (int i = 0; i < THREADS; i++) {
			requests.add(() -> api.end(id, a));
		}

		List<CallApi.Reply> replies = race(requests);

		assertThat(count(replies)).containsExactlyInAnyOrderEntriesOf(Map.of(200, 1L, 409, 9L));
		JsonNode call = api.get(id, a).data();
		assertConsistent(call);
		assertThat(call.get("status").asString()).isEqualTo("ENDED");
		String endedAt = replies.stream().filter(r -> r.status() == 200).findFirst().orElseThrow().data().get("endedAt")
			.asString();
		assertThat(call.get("endedAt").asString()).isEqualTo(endedAt);
		settle();
		assertThat(events.typesOf(id)).containsExactly(CallInitiated.class, CallParticipantJoined.class,
				CallEnded.class);
	}

	@RepeatedTest(3)
	void rejectsRacingTheInitiatorsEndLeaveOneFinalState() throws Exception {
		UUID a = CallFixtures.knownUser(jdbc);
		List<UUID> invitees = CallFixtures.knownUsers(jdbc, 5);
		UUID id = api.start(a, invitees.toArray(UUID[]::new));
		List<Callable<CallApi.Reply>> requests = new ArrayList<>();
		for (UUID invitee : invitees) {
			requests.add(() -> api.reject(id, invitee));
			requests.add(() -> api.end(id, a));
		}

		List<CallApi.Reply> replies = race(requests);

		JsonNode call = api.get(id, a).data();
		assertConsistent(call);
		long rejects = replies.stream().filter(r -> r.status() == 200 && r.message().equals("Call rejected")).count();
		long ends = replies.stream().filter(r -> r.status() == 200 && r.message().equals("Call ended successfully")).count();
		assertThat(replies).allSatisfy(r -> assertThat(r.status()).isIn(200, 409));
		settle();
		List<Class<?>> types = events.typesOf(id);
		if (call.get("status").asString().equals("REJECTED")) {
			assertThat(rejects).isEqualTo(5);
			assertThat(ends).isZero();
			assertThat(types).hasSize(6).last().isEqualTo(CallRejected.class);
		}
		else {
			assertThat(call.get("status").asString()).isEqualTo("ENDED");
			assertThat(ends).isEqualTo(1);
			assertThat(rejects).isLessThan(5);
			// The rejects that got in before the end, then the end, then nothing.
			assertThat(types).hasSize(1 + (int) rejects + 1).last().isEqualTo(CallEnded.class);
			assertThat(types.subList(1, 1 + (int) rejects)).allMatch(CallRejected.class::equals);
		}
		assertThat(types).first().isEqualTo(CallInitiated.class);
	}

	@RepeatedTest(3)
	void answersRacingTheInitiatorsEndLeaveNobodyInAnEndedCall() throws Exception {
		UUID a = CallFixtures.knownUser(jdbc);
		List<UUID> invitees = CallFixtures.knownUsers(jdbc, THREADS - 1);
		UUID id = api.start(a, invitees.toArray(UUID[]::new));
		List<Callable<CallApi.Reply>> requests = new ArrayList<>();
		invitees.forEach(u -> requests.add(() -> api.join(id, u)));
		requests.add(THREADS / 2, () -> api.end(id, a));

		List<CallApi.Reply> replies = race(requests);

		JsonNode call = api.get(id, a).data();
		assertConsistent(call);
		assertThat(call.get("status").asString()).isEqualTo("ENDED");
		long joins = replies.stream().filter(r -> r.status() == 200 && r.message().equals("Joined call successfully")).count();
		assertThat(replies.stream().filter(r -> r.status() == 409).count()).isEqualTo(invitees.size() - joins);
		settle();
		List<Class<?>> types = events.typesOf(id);
		assertThat(types).hasSize(1 + (int) joins + 1).last().isEqualTo(CallEnded.class);
		// Everyone who got in before the end was let out by it.
		assertThat(call.get("participants").findValues("joinedAt").stream().filter(j -> !j.isNull()).count())
			.isEqualTo(joins + 1);
	}

	@Test
	void oneUserStartingTenCallsAtOnceGetsOne() throws Exception {
		UUID a = CallFixtures.knownUser(jdbc);
		List<UUID> invitees = CallFixtures.knownUsers(jdbc, THREADS);

		List<CallApi.Reply> replies = race(invitees.stream()
			.map(u -> (Callable<CallApi.Reply>) () -> api.initiate(a, CallFixtures.call("VIDEO", u)))
			.toList());

		assertThat(count(replies)).containsExactlyInAnyOrderEntriesOf(Map.of(201, 1L, 409, 9L));
		assertThat(jdbc.sql("select count(*) from call where initiator_id = ?").param(a).query(Long.class).single())
			.isEqualTo(1);
	}

	/** Runs the requests at once (released together by a latch) and returns their replies. */
	private List<CallApi.Reply> race(List<Callable<CallApi.Reply>> requests) throws Exception {
		CountDownLatch ready = new CountDownLatch(requests.size());
		CountDownLatch go = new CountDownLatch(1);
		List<Future<CallApi.Reply>> futures = new ArrayList<>();
		for (Callable<CallApi.Reply> request : requests) {
			futures.add(pool.submit(() -> {
				ready.countDown();
				go.await();
				return request.call();
			}));
		}
		assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
		go.countDown();
		List<CallApi.Reply> replies = new ArrayList<>();
		for (Future<CallApi.Reply> future : futures) {
			replies.add(future.get(30, TimeUnit.SECONDS));
		}
		return replies;
	}

	private static Map<Integer, Long> count(List<CallApi.Reply> replies) {
		return replies.stream().collect(Collectors.groupingBy(CallApi.Reply::status, Collectors.counting()));
	}

	/**
	 * Waits until every event published so far has been read: a later call's first event travels
	 * behind them (one partition in tests, relayed in commit order).
	 */
	private void settle() {
		UUID marker = api.start(CallFixtures.knownUser(jdbc), CallFixtures.knownUser(jdbc));
		events.await(marker, CallInitiated.class);
	}

	/** What the state machine guarantees, whatever the interleaving. */
	private static void assertConsistent(JsonNode call) {
		String status = call.get("status").asString();
		boolean isFinal = !status.equals("RINGING") && !status.equals("ONGOING");
		assertThat(call.get("endedAt").isNull()).as("endedAt set iff final").isEqualTo(!isFinal);
		List<JsonNode> participants = new ArrayList<>();
		call.get("participants").forEach(participants::add);
		for (JsonNode p : participants) {
			boolean joined = !p.get("joinedAt").isNull();
			boolean left = !p.get("leftAt").isNull();
			boolean rejected = !p.get("rejectedAt").isNull();
			assertThat(joined && rejected).as("joined and rejected").isFalse();
			assertThat(left && !joined).as("left without joining").isFalse();
			if (isFinal) {
				assertThat(joined && !left).as("still in a " + status + " call").isFalse();
			}
		}
		List<JsonNode> invitees = participants.subList(1, participants.size());
		if (status.equals("RINGING")) {
			assertThat(invitees).noneMatch(p -> !p.get("joinedAt").isNull());
		}
		if (status.equals("REJECTED")) {
			assertThat(invitees).allMatch(p -> !p.get("rejectedAt").isNull());
		}
		if (status.equals("ONGOING")) {
			assertThat(invitees).anyMatch(p -> !p.get("joinedAt").isNull());
		}
	}
}
