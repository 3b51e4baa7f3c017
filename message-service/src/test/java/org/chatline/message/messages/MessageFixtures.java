package org.chatline.message.messages;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Users the message-service knows about, planted straight into its projection. */
final class MessageFixtures {

	private MessageFixtures() {
	}

	static UUID knownUser(JdbcClient jdbc) {
		UUID id = UUID.randomUUID();
		jdbc.sql("insert into known_user (id, username) values (?, ?)").params(id, "u_" + id.toString().substring(0, 8)).update();
		return id;
	}

	static String directMessage(UUID receiverId, String content) {
		return """
				{"content":"%s","type":"TEXT","receiverId":"%s","groupId":null,"parentId":null,"metadata":{}}"""
			.formatted(content, receiverId);
	}
}
