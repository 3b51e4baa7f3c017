package org.chatline.auth.service;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed token requests per client address in a fixed window: past the limit an address is refused
 * without its secret being checked, until the window ends. Guessing a 256-bit secret is hopeless
 * anyway; this keeps a misconfigured or hostile client from hammering the endpoint and the logs.
 * In memory, per instance: the endpoint is internal, and each instance limits on its own.
 */
class FailedAttempts {

	private static final int MAX_TRACKED = 10_000;

	private final int max;

	private final Duration window;

	private final Clock clock;

	private final Map<String, Window> failures = new ConcurrentHashMap<>();

	private record Window(long startMillis, int count) {
	}

	FailedAttempts(int max, Duration window, Clock clock) {
		this.max = max;
		this.window = window;
		this.clock = clock;
	}

	/** Seconds until {@code address} may try again, or 0 when it may try now. */
	long retryAfterSeconds(String address) {
		Window current = this.failures.get(address);
		if (current == null || current.count() < this.max) {
			return 0;
		}
		long left = current.startMillis() + this.window.toMillis() - this.clock.millis();
		return left <= 0 ? 0 : Math.max(1, (left + 999) / 1000);
	}

	void failed(String address) {
		long now = this.clock.millis();
		if (this.failures.size() >= MAX_TRACKED) {
			this.failures.values().removeIf(w -> now - w.startMillis() >= this.window.toMillis());
		}
		this.failures.compute(address, (key, current) -> (current == null
				|| now - current.startMillis() >= this.window.toMillis()) ? new Window(now, 1)
						: new Window(current.startMillis(), current.count() + 1));
	}
}
