package org.chatline.auth.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FailedAttemptsTests {

	@Test
	void blocksAnAddressAfterTooManyFailuresUntilTheWindowEnds() {
		MutableClock clock = new MutableClock();
		FailedAttempts attempts = new FailedAttempts(3, Duration.ofMinutes(1), clock);

		for (int i = 0; i < 3; i++) {
			assertThat(attempts.retryAfterSeconds("10.0.0.1")).isZero();
			attempts.failed("10.0.0.1");
		}

		assertThat(attempts.retryAfterSeconds("10.0.0.1")).isEqualTo(60);
		assertThat(attempts.retryAfterSeconds("10.0.0.2")).as("other addresses are not affected").isZero();
		clock.now = clock.now.plusSeconds(61);
		assertThat(attempts.retryAfterSeconds("10.0.0.1")).isZero();
	}

	@Test
	void derivedSecretsDifferPerServiceAndMatchOnlyKnownClients() {
		String master = "m".repeat(40);
		ServiceSecrets secrets = new ServiceSecrets(master, java.util.Set.of("user-service"));

		assertThat(ServiceSecrets.derive(master, "user-service")).isNotEqualTo(ServiceSecrets.derive(master, "group-service"))
			.hasSize(43);
		assertThat(secrets.matches("user-service", ServiceSecrets.derive(master, "user-service"))).isTrue();
		// The launcher computes the same (PlatformConfigTests), and so can a deployer with openssl.
		assertThat(ServiceSecrets.derive(master, "user-service")).isEqualTo("rdlHUhATcyQvTmc64nYjckZUAVIw4cm5pM-3__kN-lw");
		assertThat(secrets.matches("user-service", ServiceSecrets.derive("x".repeat(40), "user-service"))).isFalse();
		assertThat(secrets.matches("group-service", ServiceSecrets.derive(master, "group-service"))).isFalse();
	}

	static final class MutableClock extends Clock {

		Instant now = Instant.parse("2026-01-01T00:00:00Z");

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return now;
		}
	}
}
