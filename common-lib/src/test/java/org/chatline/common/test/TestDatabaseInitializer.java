package org.chatline.common.test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Creates the database named in {@code spring.datasource.url} on the real PostgreSQL server if it
 * does not exist yet, so integration tests need nothing but a running server.
 */
public class TestDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		ConfigurableEnvironment env = context.getEnvironment();
		String url = env.getProperty("spring.datasource.url");
		if (url == null || !url.startsWith("jdbc:postgresql://")) {
			return;
		}
		int slash = url.lastIndexOf('/');
		int query = url.indexOf('?', slash);
		String database = query < 0 ? url.substring(slash + 1) : url.substring(slash + 1, query);
		String adminUrl = url.substring(0, slash) + "/postgres";
		try (Connection connection = DriverManager.getConnection(adminUrl,
				env.getProperty("spring.datasource.username", "postgres"),
				env.getProperty("spring.datasource.password", ""));
				Statement statement = connection.createStatement()) {
			try (ResultSet rs = statement
				.executeQuery("select 1 from pg_database where datname = '" + database.replace("'", "''") + "'")) {
				if (rs.next()) {
					// A run killed in the middle of a database-outage test leaves it refusing connections.
					statement.execute("alter database \"" + database.replace("\"", "") + "\" allow_connections true");
					return;
				}
			}
			statement.execute("create database \"" + database.replace("\"", "") + "\"");
		}
		catch (SQLException ex) {
			if (!"42P04".equals(ex.getSQLState())) {
				throw new IllegalStateException("Cannot prepare test database " + database + " at " + adminUrl, ex);
			}
		}
	}
}
