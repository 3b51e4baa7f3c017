package org.chatline.common.projection;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import com.sun.net.httpserver.HttpServer;
import org.chatline.common.api.ApiException;
import org.chatline.common.api.ErrorCode;
import org.chatline.common.test.TestInfrastructure;
import org.chatline.user.api.UserEvent.UserDeleted;
import org.chatline.user.api.UserEvent.UserRegistered;
import org.chatline.user.api.UserEvent.UserUpdated;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The known-user projection against the real PostgreSQL, migrated by Flyway over a table as the
 * services created it before it was shared, with user-service played by a real HTTP server.
 */
class KnownUsersIT {

	private static final String DATABASE = "it_common_projection";

	private static final UUID OLD_TIMER = UUID.fromString("00000000-0000-0000-0000-0000000000a1");

	private static HttpServer userService;

	private static JdbcClient jdbc;

	private static TransactionTemplate tx;

	private static KnownUsers users;

	/** What user-service knows: id → JSON of the user. */
	private static final Map<UUID, String> owned = new ConcurrentHashMap<>();

	private static final AtomicInteger asked = new AtomicInteger();

	/** Runs while user-service prepares its answer: an event that overtakes it. */
	private static volatile Consumer<UUID> whileAnswering = id -> {
	};

	private static volatile boolean ownerDown;

	@BeforeAll
	static void start() throws Exception {
		TestInfrastructure.Server postgres = TestInfrastructure.postgres();
		String server = "jdbc:postgresql://" + postgres.host() + ":" + postgres.port() + "/";
		try (Connection admin = DriverManager.getConnection(server + "postgres", "postgres", "");
				Statement statement = admin.createStatement()) {
			statement.execute("drop database if exists " + DATABASE + " with (force)");
			statement.execute("create database " + DATABASE);
		}
		SimpleDriverDataSource dataSource = new SimpleDriverDataSource(DriverManager.getDriver(server + DATABASE),
				server + DATABASE, "postgres", "");
		Flyway.configure().dataSource(dataSource).locations("classpath:db/legacy", "classpath:db/projection").load()
			.migrate();
		jdbc = JdbcClient.create(dataSource);
		DataSourceTransactionManager transactions = new DataSourceTransactionManager(dataSource);
		tx = new TransactionTemplate(transactions);
		userService = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		userService.createContext("/internal/users/", exchange -> {
			UUID id = UUID.fromString(exchange.getRequestURI().getPath().substring("/internal/users/".length()));
			asked.incrementAndGet();
			whileAnswering.accept(id);
			String user = owned.get(id);
			int status = ownerDown ? 500 : user == null ? 404 : 200;
			byte[] body = (status == 200 ? "{\"success\":true,\"data\":" + user + "}"
					: "{\"success\":false,\"message\":\"no\",\"code\":\"NOT_FOUND\"}").getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(status, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		userService.start();
		users = new KnownUsers(jdbc,
				RestClient.builder().baseUrl("http://127.0.0.1:" + userService.getAddress().getPort()).build(),
				transactions);
	}

	@AfterAll
	static void stop() {
		userService.stop(0);
	}

	@BeforeEach
	void reset() {
		owned.clear();
		asked.set(0);
		whileAnswering = id -> {
		};
		ownerDown = false;
	}

	@Test
	void takesOverTheTableAsServicesCreatedItKeepingItsRows() {
		assertThat(users.known(OLD_TIMER)).contains(new KnownUser(OLD_TIMER, "old_timer", null, null));
		UUID id = UUID.randomUUID();
		users.apply(new UserUpdated(id, "pic", "https://cdn.example.com/p.png", null, null));
		assertThat(users.known(id).map(KnownUser::avatar)).contains("https://cdn.example.com/p.png");
	}

	@Test
	void asksTheOwnerOnAMissAndRemembersTheAnswer() {
		UUID id = ownedUser("ann", "ann@example.com", "https://cdn.example.com/ann.png");
		KnownUser expected = new KnownUser(id, "ann", "ann@example.com", "https://cdn.example.com/ann.png");

		assertThat(users.known(id)).contains(expected);
		assertThat(users.known(id)).contains(expected);
		assertThat(asked).hasValue(1);
	}

	@Test
	void readsOnlyWhatItUsesOfTheOwnerAnswer() {
		UUID id = UUID.randomUUID();
		owned.put(id, "{\"id\":\"" + id + "\",\"username\":\"terse\",\"addedLater\":{\"x\":1}}");

		assertThat(users.known(id)).contains(new KnownUser(id, "terse", null, null));
	}

	@Test
	void anOwnerAnswerOlderThanAnEventNeverOverwritesIt() {
		UUID id = ownedUser("before", "a@example.com", "https://cdn.example.com/before.png");
		whileAnswering = asking -> users.apply(new UserUpdated(asking, "after", null, null, null));

		assertThat(users.known(id)).contains(new KnownUser(id, "after", null, null));
	}

	@Test
	void aDeletionThatOvertakesTheOwnerAnswerWins() {
		UUID id = ownedUser("doomed", null, null);
		whileAnswering = asking -> users.apply(new UserDeleted(asking));

		assertThat(users.exists(id)).isFalse();
	}

	@Test
	void aDeletionIsSticky() {
		UUID id = UUID.randomUUID();
		users.apply(new UserRegistered(id, "gone", "gone@example.com", null));
		users.apply(new UserDeleted(id));
		users.apply(new UserRegistered(id, "gone", "gone@example.com", null));
		users.apply(new UserUpdated(id, "back", null, null, null));
		owned.put(id, json(id, "back", null, null));

		assertThat(users.exists(id)).isFalse();
		assertThat(asked).hasValue(0);
		tx.executeWithoutResult(status -> assertThat(users.confirmCaller(id, "back")).isFalse());
	}

	@Test
	void anUpdateKeepsWhatItDoesNotCarry() {
		UUID id = UUID.randomUUID();
		users.apply(new UserRegistered(id, "bob", "bob@example.com", null));
		users.apply(new UserUpdated(id, null, "https://cdn.example.com/bob.png", "busy", null));
		assertThat(users.known(id)).contains(new KnownUser(id, "bob", "bob@example.com", "https://cdn.example.com/bob.png"));

		users.apply(new UserUpdated(id, "rob", null, null, null));
		assertThat(users.known(id)).contains(new KnownUser(id, "rob", "bob@example.com", null));
	}

	@Test
	void aRedeliveredEventChangesNothing() {
		UUID id = UUID.randomUUID();
		List<org.chatline.user.api.UserEvent> events = List.of(new UserRegistered(id, "carl", "c@example.com", null),
				new UserUpdated(id, "carl", "https://cdn.example.com/c.png", null, null));
		events.forEach(users::apply);
		Optional<KnownUser> once = users.known(id);
		events.forEach(users::apply);

		assertThat(users.known(id)).isEqualTo(once).isPresent();
		assertThat(jdbc.sql("select count(*) from known_user where id = ?").param(id).query(Long.class).single()).isOne();
	}

	@Test
	void aUserTheOwnerDoesNotKnowIsNotRemembered() {
		UUID id = UUID.randomUUID();

		assertThat(users.exists(id)).isFalse();
		assertThat(users.exists(id)).isFalse();
		assertThat(asked).hasValue(2);
	}

	@Test
	void anOwnerThatCannotAnswerIsA503() {
		UUID id = ownedUser("dan", null, null);
		ownerDown = true;

		assertThatThrownBy(() -> users.exists(id)).isInstanceOfSatisfying(ApiException.class,
				ex -> assertThat(ex.code()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE));
	}

	@Test
	void neverAsksTheOwnerInsideATransaction() {
		UUID id = ownedUser("eve", null, null);

		assertThatThrownBy(() -> tx.executeWithoutResult(status -> users.exists(id)))
			.isInstanceOf(IllegalStateException.class);
		assertThat(asked).hasValue(0);
	}

	@Test
	void aCallerFillsOnlyAMissAndLocksOnlyInsideATransaction() {
		UUID newcomer = UUID.randomUUID();
		UUID known = UUID.randomUUID();
		users.apply(new UserUpdated(known, "renamed", null, null, null));

		tx.executeWithoutResult(status -> {
			assertThat(users.confirmCaller(newcomer, "from_token")).isTrue();
			assertThat(users.confirmCaller(known, "stale_token_name")).isTrue();
		});

		assertThat(users.known(newcomer).map(KnownUser::username)).contains("from_token");
		assertThat(users.known(known).map(KnownUser::username)).contains("renamed");
		assertThatThrownBy(() -> users.lockIfExists(known)).isInstanceOf(IllegalStateException.class);
		assertThat(asked).hasValue(0);
	}

	private static UUID ownedUser(String username, String email, String avatar) {
		UUID id = UUID.randomUUID();
		owned.put(id, json(id, username, email, avatar));
		return id;
	}

	private static String json(UUID id, String username, String email, String avatar) {
		return "{\"id\":\"" + id + "\",\"username\":" + quoted(username) + ",\"email\":" + quoted(email)
				+ ",\"avatar\":" + quoted(avatar) + ",\"statusMessage\":null,\"role\":\"USER\",\"isOnline\":false}";
	}

	private static String quoted(String value) {
		return value == null ? "null" : "\"" + value + "\"";
	}
}
