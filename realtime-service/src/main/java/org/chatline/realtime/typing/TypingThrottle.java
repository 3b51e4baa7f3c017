package org.chatline.realtime.typing;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import org.chatline.realtime.RealtimeProperties;
import org.chatline.realtime.forwarding.SocketRateLimitProperties;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Typing fires on keystrokes, and each signal accepted is a Kafka record. Per user and conversation,
 * a repeat of the signal last let through (a second {@code typing:start} while typing) waits
 * {@code typing-interval}; a change (start after stop, stop after start) always passes, since what
 * the receiver shows changes with it. Over all conversations, at most {@code typing-burst} signals
 * per user within the interval. Kept in memory on the instance holding the socket (a user's sockets
 * on other instances have their own allowance).
 */
@Component
class TypingThrottle {

	private final long intervalMillis;

	private final int burst;

	private final LongSupplier clock;

	/** user:conversation, the signal last let through and when. */
	private final Map<String, Last> lastSignal = new ConcurrentHashMap<>();

	private record Last(String event, long at) {
	}

	/** Per user: the start of the current window and the signals let through in it. */
	private final Map<UUID, long[]> windows = new ConcurrentHashMap<>();

	@Autowired
	TypingThrottle(RealtimeProperties properties, SocketRateLimitProperties limits,
			ScheduledExecutorService realtimeScheduler) {
		// Rate limits off (RATE_LIMIT_ENABLED=false, load tests): typing is not throttled either.
		this(limits.enabled() ? properties.typingInterval().toMillis() : 0,
				limits.enabled() ? properties.typingBurst() : Integer.MAX_VALUE, System::currentTimeMillis);
		try {
			long every = Math.max(1000, intervalMillis * 5);
			realtimeScheduler.scheduleWithFixedDelay(this::forgetOld, every, every, TimeUnit.MILLISECONDS);
		}
		catch (RejectedExecutionException ex) {
			// Shutting down.
		}
	}

	TypingThrottle(long intervalMillis, int burst, LongSupplier clock) {
		this.intervalMillis = intervalMillis;
		this.burst = burst;
		this.clock = clock;
	}

	/** Whether this signal goes out; when it does, it is counted. */
	boolean allow(UUID user, String event, UUID conversation) {
		long now = clock.getAsLong();
		boolean[] allowed = { false };
		lastSignal.compute(user + ":" + conversation, (key, last) -> {
			if (last != null && last.event().equals(event) && now - last.at() < intervalMillis) {
				return last;
			}
			if (!withinBurst(user, now)) {
				return last;
			}
			allowed[0] = true;
			return new Last(event, now);
		});
		return allowed[0];
	}

	private boolean withinBurst(UUID user, long now) {
		boolean[] within = { false };
		windows.compute(user, (id, window) -> {
			long[] current = window == null || now - window[0] >= intervalMillis ? new long[] { now, 0 } : window;
			if (current[1] < burst) {
				current[1]++;
				within[0] = true;
			}
			return current;
		});
		return within[0];
	}

	/** Drops what no longer throttles anything, so the maps hold only recent typists. */
	void forgetOld() {
		long now = clock.getAsLong();
		lastSignal.values().removeIf(last -> now - last.at() >= intervalMillis);
		windows.values().removeIf(window -> now - window[0] >= intervalMillis);
	}
}
