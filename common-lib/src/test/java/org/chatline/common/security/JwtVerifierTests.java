package org.chatline.common.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.chatline.common.api.ApiException;
import org.chatline.common.test.TestTokens;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class JwtVerifierTests {

	private final Instant now = Instant.now();

	private final MutableClock clock = new MutableClock(this.now);

	private final AtomicInteger keyLookups = new AtomicInteger();

	private final JwtVerifier verifier = new JwtVerifier(kid -> {
		this.keyLookups.incrementAndGet();
		return TestTokens.keySource().find(kid);
	}, "chatline-auth", "chatline", this.clock, CACHE_SIZE);

	private static final int CACHE_SIZE = 8;

	@Test
	void remembersAVerifiedTokenInsteadOfCheckingItsSignatureAgain() {
		UUID id = UUID.randomUUID();
		String token = TestTokens.access(id, "ann", this.now.plusSeconds(900));

		AuthenticatedUser first = this.verifier.verifyAccessToken(token);
		AuthenticatedUser second = this.verifier.verifyAccessToken(token);

		assertThat(first.id()).isEqualTo(id);
		assertThat(second).isEqualTo(first);
		assertThat(this.keyLookups).as("signature checked once").hasValue(1);
	}

	@Test
	void refusesARememberedTokenOnceItHasExpired() {
		String token = TestTokens.access(UUID.randomUUID(), "bob", this.now.plusSeconds(60));
		this.verifier.verifyAccessToken(token);

		this.clock.advance(Duration.ofSeconds(61 + 5));

		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> this.verifier.verifyAccessToken(token))
			.withMessage("Token expired");
	}

	@Test
	void aTamperedCopyOfARememberedTokenIsStillRefused() {
		String token = TestTokens.access(UUID.randomUUID(), "cy", this.now.plusSeconds(900));
		this.verifier.verifyAccessToken(token);
		String[] parts = token.split("\\.");
		String otherPayload = TestTokens.access(UUID.randomUUID(), "cy", this.now.plusSeconds(900)).split("\\.")[1];

		assertThatExceptionOfType(ApiException.class)
			.isThrownBy(() -> this.verifier.verifyAccessToken(parts[0] + "." + otherPayload + "." + parts[2]))
			.withMessage("Invalid token");
	}

	@Test
	void staysBoundedWithManyTokens() {
		for (int i = 0; i < CACHE_SIZE + 10; i++) {
			this.verifier.verifyAccessToken(TestTokens.access(UUID.randomUUID(), "u" + i, this.now.plusSeconds(900)));
		}
		String token = TestTokens.access(UUID.randomUUID(), "last", this.now.plusSeconds(900));
		this.verifier.verifyAccessToken(token);
		int lookups = this.keyLookups.get();

		this.verifier.verifyAccessToken(token);

		assertThat(this.keyLookups).as("still remembered after the cache was emptied once").hasValue(lookups);
	}

	private static final class MutableClock extends Clock {

		private Instant instant;

		MutableClock(Instant instant) {
			this.instant = instant;
		}

		void advance(Duration duration) {
			this.instant = this.instant.plus(duration);
		}

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
			return this.instant;
		}

	}

}
