package org.chatline.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PlatformConfigTests {

	private static final Map<String, String> HOME = Map.of("CHAT_HOME", "/repo");

	@Test
	void embedsEverythingOnItsOwnPortsByDefault() {
		PlatformConfig config = PlatformConfig.fromEnvironment(HOME);

		assertThat(config.postgres().embedded()).isTrue();
		assertThat(config.postgres().port()).isEqualTo(15432);
		assertThat(config.redis().embedded()).isTrue();
		assertThat(config.redis().port()).isEqualTo(16379);
		assertThat(config.kafka().embedded()).isTrue();
		assertThat(config.kafka().port()).isEqualTo(19092);
		assertThat(config.kafka().controllerPort()).isEqualTo(19093);
		assertThat(config.services()).containsExactlyInAnyOrder(PlatformService.values());
		assertThat(config.javaOpts()).isEqualTo(PlatformConfig.DEFAULT_JAVA_OPTS);
		assertThat(config.dataDir()).isEqualTo(Path.of(".data").toAbsolutePath().normalize());
	}

	@Test
	void usesExternalServersWhenTheirHostsAreSet() {
		PlatformConfig config = PlatformConfig.fromEnvironment(Map.of("CHAT_HOME", "/repo", "POSTGRES_HOST", "db",
				"POSTGRES_USER", "chat", "REDIS_HOST", "cache", "KAFKA_BOOTSTRAP_SERVERS", "k1:9092,k2:9092"));

		assertThat(config.postgres()).isEqualTo(new PlatformConfig.Postgres("db", 5432, "chat", ""));
		assertThat(config.redis()).isEqualTo(new PlatformConfig.Redis("cache", 6379));
		assertThat(config.kafka().bootstrapServers()).isEqualTo("k1:9092,k2:9092");
	}

	@Test
	void ignoresPostgresPortForTheEmbeddedServer() {
		// A POSTGRES_PORT=5432 left in a shell must not make the embedded server fight the machine's.
		PlatformConfig config = PlatformConfig.fromEnvironment(Map.of("CHAT_HOME", "/repo", "POSTGRES_PORT", "5432"));

		assertThat(config.postgres().port()).isEqualTo(15432);
	}

	@Test
	void passesChatAndRateLimitVariablesToTheServices() {
		PlatformConfig config = PlatformConfig.fromEnvironment(Map.of("CHAT_HOME", "/repo", "RATE_LIMIT_ENABLED",
				"false", "CHAT_FEATURE", "on", "HOME", "/root"));

		assertThat(config.childEnv()).containsEntry("RATE_LIMIT_ENABLED", "false")
			.containsEntry("CHAT_FEATURE", "on")
			.doesNotContainKey("HOME");
	}

	@Test
	void narrowsTheServicesAndSplitsJavaOptions() {
		PlatformConfig config = PlatformConfig.fromEnvironment(Map.of("CHAT_HOME", "/repo", "CHAT_SERVICES",
				"discovery-service, auth", "CHAT_JAVA_OPTS", " -Xmx256m  -XX:+UseSerialGC "));

		assertThat(config.services()).containsExactlyInAnyOrder(PlatformService.DISCOVERY, PlatformService.AUTH);
		assertThat(config.javaOpts()).containsExactly("-Xmx256m", "-XX:+UseSerialGC");
	}

	@Test
	void rejectsUnknownServicesAndNonNumericPorts() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> PlatformConfig.fromEnvironment(Map.of("CHAT_HOME", "/r", "CHAT_SERVICES", "nope")))
			.withMessageContaining("nope");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> PlatformConfig.fromEnvironment(Map.of("CHAT_HOME", "/r", "CHAT_KAFKA_PORT", "x")))
			.withMessageContaining("CHAT_KAFKA_PORT");
	}


	@Test
	void generatesThePlatformSecretsOnceOwnerOnlyAndKeepsThem(@TempDir Path data) throws Exception {
		PlatformSecrets first = PlatformSecrets.load(data, Map.of());
		PlatformSecrets again = PlatformSecrets.load(data, Map.of());

		assertThat(first.masterSecret()).hasSizeGreaterThanOrEqualTo(43).isEqualTo(again.masterSecret());
		assertThat(first.eurekaPassword()).hasSizeGreaterThanOrEqualTo(43).isEqualTo(again.eurekaPassword())
			.isNotEqualTo(first.masterSecret());
		assertThat(first.eurekaUsername()).isEqualTo("eureka");
		Path secrets = data.resolve("secrets");
		assertThat(Files.getPosixFilePermissions(secrets)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
		assertThat(first.jitsiAppSecret()).hasSizeGreaterThanOrEqualTo(43).isEqualTo(again.jitsiAppSecret());
		for (String file : new String[] { PlatformSecrets.MASTER_FILE, PlatformSecrets.EUREKA_FILE,
				PlatformSecrets.JITSI_FILE }) {
			assertThat(Files.getPosixFilePermissions(secrets.resolve(file)))
				.isEqualTo(PosixFilePermissions.fromString("rw-------"));
		}
		assertThat(PlatformSecrets.load(Files.createDirectories(data.resolve("other")), Map.of()).masterSecret())
			.as("random, not fixed").isNotEqualTo(first.masterSecret());
	}

	@Test
	void derivesEachServicesSecretFromTheMasterAsAuthServiceDoes(@TempDir Path data) {
		PlatformSecrets secrets = PlatformSecrets.load(data,
				Map.of("CHAT_SERVICE_MASTER_SECRET", "m".repeat(40), "EUREKA_PASSWORD", "p".repeat(20), "JWT_APP_SECRET",
						"j".repeat(40)));

		assertThat(secrets.masterSecret()).isEqualTo("m".repeat(40));
		assertThat(secrets.jitsiAppSecret()).isEqualTo("j".repeat(40));
		// The same vector as auth-service's FailedAttemptsTests: both sides compute the same secret.
		assertThat(secrets.serviceSecret("user-service")).isEqualTo("rdlHUhATcyQvTmc64nYjckZUAVIw4cm5pM-3__kN-lw");
		assertThat(secrets.serviceSecret("user-service")).isNotEqualTo(secrets.serviceSecret("group-service"))
			.hasSize(43)
			.matches("[A-Za-z0-9_-]+");
		assertThat(secrets.eurekaUrl(8761)).isEqualTo("http://eureka:" + "p".repeat(20) + "@127.0.0.1:8761/eureka/");
		assertThat(Files.exists(data.resolve("secrets"))).as("nothing written when all are given").isFalse();
	}

	@Test
	void givesEachServiceOnlyItsOwnCredentialAndLoopbackButTheGateway(@TempDir Path data) {
		PlatformSecrets secrets = PlatformSecrets.load(data, Map.of());
		Map<String, String> common = Map.of("EUREKA_URL", secrets.eurekaUrl(8761), "CHAT_SERVICE_SECRET", "leaked",
				"CHAT_SERVICE_MASTER_SECRET", "leaked");

		for (PlatformService service : PlatformService.values()) {
			Map<String, String> env = Platform.serviceEnvironment(service, common, secrets,
					Platform.DEFAULT_BIND_ADDRESS);
			assertThat(env.get("EUREKA_URL")).contains(secrets.eurekaPassword());
			assertThat(env.values()).as(service.module()).doesNotContain("leaked");
			assertThat(env.containsKey("CHAT_SERVICE_MASTER_SECRET")).as(service.module())
				.isEqualTo(service == PlatformService.AUTH);
			assertThat(env.containsKey("EUREKA_PASSWORD")).isEqualTo(service == PlatformService.DISCOVERY);
			if (service != PlatformService.AUTH && service != PlatformService.DISCOVERY) {
				assertThat(env).containsEntry("CHAT_SERVICE_SECRET", secrets.serviceSecret(service.module()));
			}
			if (service == PlatformService.GATEWAY) {
				assertThat(env).doesNotContainKey("SERVER_ADDRESS");
			}
			else {
				assertThat(env).containsEntry("SERVER_ADDRESS", "127.0.0.1");
			}
		}
		assertThat(Platform.serviceEnvironment(PlatformService.REALTIME, common, secrets, "0.0.0.0"))
			.containsEntry("SOCKETIO_BIND_HOST", "0.0.0.0")
			.containsEntry("SERVER_ADDRESS", "0.0.0.0");
		assertThat(Platform.serviceEnvironment(PlatformService.CALL, common, secrets, "127.0.0.1"))
			.containsEntry("JWT_APP_SECRET", secrets.jitsiAppSecret());
	}
}
