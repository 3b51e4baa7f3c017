package org.chatline.call.calls;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Users call-service knows about (planted straight into its projection) and call requests. */
final class CallFixtures {

	private CallFixtures() {
	}

	static UUID knownUser(JdbcClient jdbc) {
		UUID id = UUID.randomUUID();
		String name = "u_" + id.toString().substring(0, 8);
		jdbc.sql("insert into known_user (id, username, email, avatar) values (?, ?, ?, ?)")
			.params(id, name, name + "@example.com", "https://cdn.example.com/" + name + ".png")
			.update();
		return id;
	}

	static List<UUID> knownUsers(JdbcClient jdbc, int count) {
		List<UUID> ids = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			ids.add(knownUser(jdbc));
		}
		return ids;
	}

	static String call(String type, UUID... participantIds) {
		return call(type, List.of(participantIds), null);
	}

	static String call(String type, List<UUID> participantIds, UUID groupId) {
		String ids = participantIds.stream().map(id -> "\"" + id + "\"").collect(Collectors.joining(","));
		return """
				{"type":"%s","participantIds":[%s],"groupId":%s}"""
			.formatted(type, ids, groupId == null ? "null" : "\"" + groupId + "\"");
	}
}
