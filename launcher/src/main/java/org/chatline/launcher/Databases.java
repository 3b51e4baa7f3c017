package org.chatline.launcher;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;

/** Creates the services' databases on a PostgreSQL server (embedded or external) when missing. */
final class Databases {

	private Databases() {
	}

	static void ensureExist(String host, int port, String user, String password, Collection<String> names)
			throws SQLException {
		String url = "jdbc:postgresql://" + host + ":" + port + "/postgres";
		try (Connection connection = DriverManager.getConnection(url, user, password)) {
			for (String name : names) {
				if (!exists(connection, name)) {
					try (Statement statement = connection.createStatement()) {
						// Identifiers cannot be bound; the names are our own constants.
						statement.execute("CREATE DATABASE \"" + name + "\"");
					}
					catch (SQLException ex) {
						// Another launcher or a test created it between our check and our create.
						if (!"42P04".equals(ex.getSQLState())) {
							throw ex;
						}
					}
				}
			}
		}
	}

	private static boolean exists(Connection connection, String name) throws SQLException {
		try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
			query.setString(1, name);
			try (ResultSet rows = query.executeQuery()) {
				return rows.next();
			}
		}
	}

}
