package org.chatline.user.directory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.chatline.common.events.Event;
import org.chatline.common.events.EventCodec;
import org.chatline.common.test.ServiceIT;
import org.chatline.user.api.UserEvent;
import org.chatline.user.api.UserEvent.UserRegistered;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@ServiceIT
class InternalUsersIT {

	@LocalServerPort
	int port;

	@Autowired
	EmbeddedKafkaBroker broker;

	@Autowired
	EventCodec codec;

	HttpJson http;

	@BeforeEach
	void setUp() {
		http = new HttpJson(port);
	}

	@Test
	void createsUserWithDefaultsAndPublishesUserRegistered() {
		UUID id = UUID.randomUUID();
		String username = UserFixtures.uniqueUsername("Reg");
		HttpJson.Reply created = http.post("/internal/users", UserFixtures.newUser(id, username), UserFixtures.AUTH_SERVICE);

		assertThat(created.status()).isEqualTo(201);
		assertThat(created.data().get("id").asString()).isEqualTo(id.toString());
		assertThat(created.data().get("username").asString()).isEqualTo(username);
		assertThat(created.data().get("email").asString()).isEqualTo(username.toLowerCase() + "@example.com");
		assertThat(created.data().get("role").asString()).isEqualTo("USER");
		assertThat(created.data().get("isOnline").asBoolean()).isFalse();
		assertThat(created.data().get("avatar").isNull()).isTrue();
		assertThat(created.data().get("statusMessage").isNull()).isTrue();
		assertThat(created.data().get("lastSeen").asString()).endsWith("Z");
		assertThat(created.data().get("createdAt").asString()).endsWith("Z");
		assertThat(created.data().get("updatedAt").asString()).endsWith("Z");

		try (UserEvents events = new UserEvents(broker)) {
			await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(events.poll())
				.anySatisfy(record -> {
					assertThat(record.key()).isEqualTo(id.toString());
					Event<?> event = codec.decode(record.value(), List.of(UserEvent.class)).orElseThrow();
					assertThat(event.type()).isEqualTo("UserRegistered");
					UserRegistered registered = (UserRegistered) event.payload();
					assertThat(registered.id()).isEqualTo(id);
					assertThat(registered.username()).isEqualTo(username);
				}));
		}
	}

	@Test
	void getsTheFullUserAndAnswers404ForAnUnknownOne() {
		UUID id = UUID.randomUUID();
		String username = UserFixtures.uniqueUsername("Get");
		http.post("/internal/users", UserFixtures.newUser(id, username), UserFixtures.AUTH_SERVICE);

		HttpJson.Reply found = http.get("/internal/users/" + id, UserFixtures.AUTH_SERVICE);
		assertThat(found.status()).isEqualTo(200);
		assertThat(found.data().get("email").asString()).isEqualTo(username.toLowerCase() + "@example.com");

		HttpJson.Reply missing = http.get("/internal/users/" + UUID.randomUUID(), UserFixtures.AUTH_SERVICE);
		assertThat(missing.status()).isEqualTo(404);
		assertThat(missing.code()).isEqualTo("NOT_FOUND");
	}

	@Test
	void refusesATakenUsernameRegardlessOfCase() {
		String username = UserFixtures.uniqueUsername("Dup");
		assertThat(http.post("/internal/users", UserFixtures.newUser(UUID.randomUUID(), username), UserFixtures.AUTH_SERVICE).status())
			.isEqualTo(201);

		Map<String, Object> sameNameOtherCase = Map.of("id", UUID.randomUUID().toString(), "username",
				username.toUpperCase(), "email", UUID.randomUUID() + "@example.com");
		HttpJson.Reply conflict = http.post("/internal/users", sameNameOtherCase, UserFixtures.AUTH_SERVICE);

		assertThat(conflict.status()).isEqualTo(409);
		assertThat(conflict.code()).isEqualTo("CONFLICT");
		assertThat(conflict.message()).isEqualTo("Username already taken");
		assertThat(conflict.body().get("success").asBoolean()).isFalse();
	}

	@Test
	void refusesATakenEmailRegardlessOfCase() {
		String username = UserFixtures.uniqueUsername("Mail");
		http.post("/internal/users", UserFixtures.newUser(UUID.randomUUID(), username), UserFixtures.AUTH_SERVICE);

		Map<String, Object> sameEmail = Map.of("id", UUID.randomUUID().toString(), "username",
				UserFixtures.uniqueUsername("Other"), "email", username.toUpperCase() + "@EXAMPLE.com");
		HttpJson.Reply conflict = http.post("/internal/users", sameEmail, UserFixtures.AUTH_SERVICE);

		assertThat(conflict.status()).isEqualTo(409);
		assertThat(conflict.message()).isEqualTo("Email already registered");
	}

	@Test
	void concurrentRegistrationsOfOneUsernameLetExactlyOneWin() throws Exception {
		String username = UserFixtures.uniqueUsername("Race");
		int attempts = 6;
		ExecutorService pool = Executors.newFixedThreadPool(attempts);
		CountDownLatch start = new CountDownLatch(1);
		try {
			List<Future<Integer>> results = new ArrayList<>();
			for (int i = 0; i < attempts; i++) {
				Map<String, Object> body = Map.of("id", UUID.randomUUID().toString(), "username", username, "email",
						UUID.randomUUID() + "@example.com");
				Callable<Integer> call = () -> {
					start.await();
					return http.post("/internal/users", body, UserFixtures.AUTH_SERVICE).status();
				};
				results.add(pool.submit(call));
			}
			start.countDown();
			List<Integer> statuses = new ArrayList<>();
			for (Future<Integer> result : results) {
				statuses.add(result.get());
			}
			assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
			assertThat(statuses).filteredOn(s -> s == 409).hasSize(attempts - 1);
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void rejectsAnInvalidBody() {
		HttpJson.Reply invalid = http.post("/internal/users",
				Map.of("id", UUID.randomUUID().toString(), "username", "a!", "email", "not-an-email"), UserFixtures.AUTH_SERVICE);
		assertThat(invalid.status()).isEqualTo(400);
		assertThat(invalid.code()).isEqualTo("VALIDATION_ERROR");
	}

	@Test
	void deletesAUserAsCompensationAndAnswers404Afterwards() {
		UUID id = UUID.randomUUID();
		http.post("/internal/users", UserFixtures.newUser(id, UserFixtures.uniqueUsername("Comp")), UserFixtures.AUTH_SERVICE);

		assertThat(http.delete("/internal/users/" + id, UserFixtures.AUTH_SERVICE).status()).isEqualTo(200);
		assertThat(http.get("/internal/users/" + id, UserFixtures.AUTH_SERVICE).status()).isEqualTo(404);
		assertThat(http.delete("/internal/users/" + id, UserFixtures.AUTH_SERVICE).status()).isEqualTo(404);
	}
}
