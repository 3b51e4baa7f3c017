package org.chatline.launcher;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What message-service stored, read from its database: the end-to-end tests' proof of durability. */
final class StoredMessages {

	private StoredMessages() {
	}

	/** clientMessageId → id of every message the user sent. */
	static Map<String, String> bySender(Platform platform, String senderId) throws SQLException {
		return query(platform, "sender_id = ?::uuid", senderId);
	}

	/** clientMessageId → id of every message whose clientMessageId starts with {@code prefix}. */
	static Map<String, String> byClientIdPrefix(Platform platform, String prefix) throws SQLException {
		return query(platform, "client_message_id like ?", prefix + "%");
	}

	/** Also asserts one row per clientMessageId: a second row would be a duplicate. */
	private static Map<String, String> query(Platform platform, String condition, String value) throws SQLException {
		Map<String, String> stored = new HashMap<>();
		PlatformConfig.Postgres pg = platform.config().postgres();
		try (Connection db = DriverManager.getConnection(platform.jdbcUrl("chat_messages"), pg.user(), pg.password());
				PreparedStatement query = db
					.prepareStatement("select client_message_id, id from message where " + condition)) {
			query.setString(1, value);
			try (ResultSet rows = query.executeQuery()) {
				while (rows.next()) {
					assertThat(stored.put(rows.getString(1), rows.getString(2))).as("rows for %s", rows.getString(1))
						.isNull();
				}
			}
		}
		return stored;
	}

}
