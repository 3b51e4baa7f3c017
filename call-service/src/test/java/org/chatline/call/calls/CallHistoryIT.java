package org.chatline.call.calls;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.chatline.common.test.ServiceIT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /calls}: the caller's calls, as initiator or invitee, newest first, paginated. */
@ServiceIT
@Import(CallTestConfiguration.class)
class CallHistoryIT {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	CallApi api;

	@BeforeEach
	void setUp() {
		api = new CallApi(port, json);
	}

	@Test
	void listsTheCallersCallsNewestFirstPageByPage() {
		UUID me = CallFixtures.knownUser(jdbc);
		UUID other = CallFixtures.knownUser(jdbc);
		List<UUID> mine = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			// Alternate who calls whom; each call ends so the next initiator is free.
			UUID initiator = i % 2 == 0 ? me : other;
			UUID id = api.start(initiator, initiator == me ? other : me);
			api.end(id, initiator);
			mine.add(0, id);
		}
		api.start(other, CallFixtures.knownUser(jdbc));

		CallApi.Reply first = api.history(me, "?page=1&limit=2");

		assertThat(first.status()).isEqualTo(200);
		assertThat(first.body().get("success").asBoolean()).isTrue();
		assertThat(ids(first)).containsExactly(mine.get(0), mine.get(1));
		JsonNode pagination = first.body().get("pagination");
		assertThat(pagination.get("page").asInt()).isEqualTo(1);
		assertThat(pagination.get("limit").asInt()).isEqualTo(2);
		assertThat(pagination.get("total").asLong()).isEqualTo(5);
		assertThat(pagination.get("totalPages").asLong()).isEqualTo(3);
		JsonNode item = first.data().get(0);
		assertThat(item.get("type").asString()).isEqualTo("VIDEO");
		assertThat(item.get("status").asString()).isEqualTo("ENDED");
		assertThat(item.get("initiatorId").asString()).isEqualTo(me.toString());
		assertThat(item.get("createdAt").asString()).endsWith("Z");
		assertThat(item.get("endedAt").asString()).endsWith("Z");
		assertThat(item.has("participants")).isFalse();

		assertThat(ids(api.history(me, "?page=2&limit=2"))).containsExactly(mine.get(2), mine.get(3));
		assertThat(ids(api.history(me, "?page=3&limit=2"))).containsExactly(mine.get(4));
		assertThat(ids(api.history(me, "?page=4&limit=2"))).isEmpty();
		CallApi.Reply defaults = api.history(me, "");
		assertThat(ids(defaults)).containsExactlyElementsOf(mine);
		assertThat(defaults.body().get("pagination").get("limit").asInt()).isEqualTo(20);
		assertThat(api.history(other, "").body().get("pagination").get("total").asLong()).isEqualTo(6);
	}

	@Test
	void newUserHasAnEmptyHistory() {
		CallApi.Reply empty = api.history(UUID.randomUUID(), "");

		assertThat(empty.data()).isEmpty();
		assertThat(empty.body().get("pagination").get("total").asLong()).isZero();
		assertThat(empty.body().get("pagination").get("totalPages").asLong()).isZero();
	}

	@Test
	void refusesBadPaging() {
		UUID me = UUID.randomUUID();
		for (String query : List.of("?limit=101", "?limit=0", "?page=0", "?page=x")) {
			CallApi.Reply reply = api.history(me, query);
			assertThat(reply.status()).as(query).isEqualTo(400);
			assertThat(reply.code()).isEqualTo("VALIDATION_ERROR");
		}
		assertThat(api.history(null, "").status()).isEqualTo(401);
	}

	private static List<UUID> ids(CallApi.Reply reply) {
		List<UUID> ids = new ArrayList<>();
		reply.data().forEach(item -> ids.add(UUID.fromString(item.get("id").asString())));
		return ids;
	}
}
