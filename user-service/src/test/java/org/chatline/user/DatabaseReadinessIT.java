package org.chatline.user;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.chatline.common.test.ServiceIT;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Readiness follows the database: while the service's PostgreSQL database refuses connections (on
 * the real server, not a mock) the readiness probe answers 503 with its db component down, liveness
 * stays up so the pod is not restarted, and readiness is back once the database accepts connections.
 * Each failing check waits for the test connection timeout (src/test/resources/config/application.yml).
 * Should a run be killed in between, {@code ALTER DATABASE "it_user-service" ALLOW_CONNECTIONS true}
 * on the {@code postgres} database unlocks it again.
 */
@ServiceIT
class DatabaseReadinessIT {

	private static final Duration RECOVERY = Duration.ofSeconds(15);

	@LocalServerPort
	int port;

	@Autowired
	DataSource dataSource;

	@Autowired
	HealthEndpoint health;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void readinessIs503WhileTheDatabaseRefusesConnectionsAndRecoversAfterwards() throws Exception {
		HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
		String database = new JdbcTemplate(dataSource).queryForObject("select current_database()", String.class);
		assertThat(status("/actuator/health/readiness")).isEqualTo(200);

		try (Connection admin = DriverManager.getConnection(adminUrl(pool), pool.getUsername(), pool.getPassword());
				Statement sql = admin.createStatement()) {
			try {
				sql.execute("alter database \"" + database + "\" allow_connections false");
				sql.execute("select pg_terminate_backend(pid) from pg_stat_activity where datname = '" + database
						+ "' and pid <> pg_backend_pid()");
				pool.getHikariPoolMXBean().softEvictConnections();

				assertThat(status("/actuator/health/readiness")).isEqualTo(503);
				assertThat(health.healthForPath("readiness", "db").getStatus()).isEqualTo(Status.DOWN);
				assertThat(status("/actuator/health/liveness")).isEqualTo(200);
			}
			finally {
				// Always, or every later run of this module finds its database locked.
				sql.execute("alter database \"" + database + "\" allow_connections true");
			}
		}

		await().atMost(RECOVERY).until(() -> status("/actuator/health/readiness") == 200);
		assertThat(health.healthForPath("readiness", "db").getStatus()).isEqualTo(Status.UP);
	}

	private int status(String path) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.timeout(Duration.ofSeconds(10))
			.build();
		return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	/** The same server, its maintenance database: the one that stays reachable. */
	private static String adminUrl(HikariDataSource pool) {
		String url = pool.getJdbcUrl();
		return url.substring(0, url.lastIndexOf('/')) + "/postgres";
	}
}
