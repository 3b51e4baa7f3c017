package org.chatline.user.directory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.chatline.common.test.ServiceIT;
import org.chatline.common.test.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Regression tests for what the fuzzing pass ({@code load/fuzz.mjs}) found: each answered 500 (or
 * an empty 406, or 409 for bad input) before the fix. The handler is common-lib's, so these hold
 * for every service.
 */
@ServiceIT
class HostileInputIT {

	@LocalServerPort
	int port;

	HttpJson http;

	UUID me;

	@BeforeEach
	void setUp() {
		http = new HttpJson(port);
		me = UUID.randomUUID();
		assertThat(http.post("/internal/users", UserFixtures.newUser(me, UserFixtures.uniqueUsername("Fz")), UserFixtures.AUTH_SERVICE).status())
			.isEqualTo(201);
	}

	@Test
	void aContentTypeThatCannotBeParsedIs415() {
		for (String contentType : List.of("*/*", "multipart/form-data")) {
			HttpJson.Reply reply = http.send("PATCH", "/api/v1/users/" + me, Map.of("statusMessage", "hi"),
					TestTokens.bearer(me), Map.of("Content-Type", contentType));

			assertThat(reply.status()).as(contentType).isEqualTo(415);
			assertThat(reply.code()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
		}
	}

	@Test
	void aBlankIdInThePathIs400() {
		HttpJson.Reply reply = http.get("/api/v1/users/%20", TestTokens.bearer(me));

		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.code()).isEqualTo("VALIDATION_ERROR");
	}

	@Test
	void aPageBeyondTheLastPossibleOneIs400() {
		HttpJson.Reply reply = http.get("/api/v1/users?query=a&page=2147483647", TestTokens.bearer(me));

		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.message()).contains("page");
	}

	@Test
	void aNulCharacterInTextIs400NotAConflict() {
		HttpJson.Reply reply = http.patch("/api/v1/users/" + me, Map.of("statusMessage", "a\u0000b"),
				TestTokens.bearer(me));

		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.code()).isEqualTo("VALIDATION_ERROR");
	}

	@Test
	void errorsAreJsonEvenForAClientThatAcceptsOnlyHtml() {
		HttpJson.Reply notFound = http.send("GET", "/api/v1/users/" + UUID.randomUUID(), null, TestTokens.bearer(me),
				Map.of("Accept", "text/html"));
		HttpJson.Reply invalid = http.send("GET", "/api/v1/users/not-a-uuid", null, TestTokens.bearer(me),
				Map.of("Accept", "application/xml"));

		assertThat(notFound.status()).isEqualTo(404);
		assertThat(notFound.code()).isEqualTo("NOT_FOUND");
		assertThat(invalid.status()).isEqualTo(400);
		assertThat(invalid.code()).isEqualTo("VALIDATION_ERROR");
	}

	@Test
	void deletingTheSameAccountConcurrentlyNeverAnswers500() {
		for (int round = 0; round < 5; round++) {
			UUID id = UUID.randomUUID();
			http.post("/internal/users", UserFixtures.newUser(id, UserFixtures.uniqueUsername("Del")), UserFixtures.AUTH_SERVICE);
			List<CompletableFuture<HttpJson.Reply>> deletes = new ArrayList<>();
			for (int i = 0; i < 3; i++) {
				deletes.add(CompletableFuture.supplyAsync(() -> http.delete("/api/v1/users/" + id, TestTokens.bearer(id))));
			}

			List<Integer> statuses = deletes.stream().map(CompletableFuture::join).map(HttpJson.Reply::status).toList();

			assertThat(statuses).as("round %d", round).contains(200).allMatch(s -> s == 200 || s == 404 || s == 409);
		}
	}

}
