package org.chatline.common.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.chatline.common.ratelimit.RateLimitBuckets.Decision;
import org.chatline.common.ratelimit.RateLimitBuckets.Rule;
import org.junit.jupiter.api.Test;

class RateLimitBucketsTests {

	private static final Rule SIXTY_PER_MINUTE = new Rule(60, Duration.ofMinutes(1));

	@Test
	void retryAfterNeverExceedsTheWindowWhateverTheClocksFraction() {
		// A full window left, asked 900 ms into a wall-clock second: 60, not 61.
		Decision decision = Decision.of(SIXTY_PER_MINUTE, 61, 59_999, 1_000_900);
		assertThat(decision.allowed()).isFalse();
		assertThat(decision.retryAfterSeconds()).isEqualTo(60);
		assertThat(decision.resetEpochSeconds()).isEqualTo(1_061);
	}

	@Test
	void retryAfterIsAtLeastOneSecond() {
		assertThat(Decision.of(SIXTY_PER_MINUTE, 70, 0, 5_000).retryAfterSeconds()).isEqualTo(1);
		assertThat(Decision.of(SIXTY_PER_MINUTE, 70, 1, 5_000).retryAfterSeconds()).isEqualTo(1);
		assertThat(Decision.of(SIXTY_PER_MINUTE, 70, 1_001, 5_000).retryAfterSeconds()).isEqualTo(2);
	}

	@Test
	void remainingCountsDownAndStopsAtZero() {
		assertThat(Decision.of(SIXTY_PER_MINUTE, 1, 60_000, 0).remaining()).isEqualTo(59);
		assertThat(Decision.of(SIXTY_PER_MINUTE, 60, 1_000, 0).allowed()).isTrue();
		assertThat(Decision.of(SIXTY_PER_MINUTE, 61, 1_000, 0).remaining()).isZero();
	}
}
