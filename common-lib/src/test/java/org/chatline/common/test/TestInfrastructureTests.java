package org.chatline.common.test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class TestInfrastructureTests {

	@Test
	void prefersTheLocalServerWhenItAnswersAndNeverAsksDocker() throws IOException {
		try (ServerSocket local = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
			AtomicBoolean askedDocker = new AtomicBoolean();

			TestInfrastructure.Server server = TestInfrastructure.locate("PostgreSQL", local.getLocalPort(), () -> {
				askedDocker.set(true);
				return true;
			}, () -> new TestInfrastructure.Server("docker", 1, "container"));

			assertThat(server).isEqualTo(new TestInfrastructure.Server("127.0.0.1", local.getLocalPort(), "local server"));
			assertThat(askedDocker).isFalse();
		}
	}

	@Test
	void startsAContainerWhenNothingAnswersLocallyAndDockerIsThere() throws IOException {
		int closed = closedPort();

		TestInfrastructure.Server server = TestInfrastructure.locate("Redis", closed, () -> true,
				() -> new TestInfrastructure.Server("docker-host", 32768, "container redis"));

		assertThat(server.host()).isEqualTo("docker-host");
		assertThat(server.port()).isEqualTo(32768);
	}

	@Test
	void saysWhatToDoWhenThereIsNeitherALocalServerNorDocker() throws IOException {
		int closed = closedPort();

		assertThatIllegalStateException()
			.isThrownBy(() -> TestInfrastructure.locate("Redis", closed, () -> false, () -> {
				throw new AssertionError("no container without Docker");
			}))
			.withMessageContaining("nothing answers on 127.0.0.1:" + closed)
			.withMessageContaining("TEST_REDIS_HOST");
	}

	@Test
	void environmentVariablesWinOverWhatItFinds() {
		StandardEnvironment env = new StandardEnvironment();
		env.getPropertySources()
			.addFirst(new MapPropertySource("ci", Map.of("TEST_POSTGRES_HOST", "db.internal", "TEST_POSTGRES_PORT", "6543")));
		env.getPropertySources().addLast(new TestInfrastructure.ServersPropertySource());

		assertThat(env.resolvePlaceholders("jdbc:postgresql://${TEST_POSTGRES_HOST:127.0.0.1}:${TEST_POSTGRES_PORT:5432}/x"))
			.isEqualTo("jdbc:postgresql://db.internal:6543/x");
		assertThat(env.getProperty("SOMETHING_ELSE")).isNull();
	}

	private static int closedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
			return socket.getLocalPort();
		}
	}

}
