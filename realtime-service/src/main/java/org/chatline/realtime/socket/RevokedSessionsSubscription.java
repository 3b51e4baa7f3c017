package org.chatline.realtime.socket;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.chatline.common.security.RevokedSessions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.stereotype.Component;

/**
 * Every instance subscribes to the sessions auth-service ends ({@link RevokedSessions#CHANNEL}) and
 * ends its own sockets of them at once. Redis down at startup does not stop the service (sockets
 * and presence degrade on their own): the subscription is retried every few seconds, and once in
 * place the container resubscribes by itself after an outage. What was published while no
 * subscription was in place is found by {@link SessionSweep} from the revocation keys.
 */
@Component
class RevokedSessionsSubscription implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(RevokedSessionsSubscription.class);

	private static final long RETRY_SECONDS = 5;

	private final RedisConnectionFactory connections;

	private final SessionEnder ender;

	private final ScheduledExecutorService scheduler;

	private volatile RedisMessageListenerContainer container;

	private volatile boolean running;

	RevokedSessionsSubscription(RedisConnectionFactory connections, SessionEnder ender,
			ScheduledExecutorService realtimeScheduler) {
		this.connections = connections;
		this.ender = ender;
		this.scheduler = realtimeScheduler;
	}

	@Override
	public void start() {
		running = true;
		subscribe();
	}

	private synchronized void subscribe() {
		if (!running || container != null) {
			return;
		}
		// A fresh container per attempt: one whose start failed is not reused.
		RedisMessageListenerContainer attempt = new RedisMessageListenerContainer();
		attempt.setConnectionFactory(connections);
		attempt.addMessageListener((message, pattern) -> ender
			.endSessions(RevokedSessions.sessionIds(new String(message.getBody(), StandardCharsets.UTF_8))),
				new ChannelTopic(RevokedSessions.CHANNEL));
		try {
			attempt.afterPropertiesSet();
			attempt.start();
			container = attempt;
			log.info("Subscribed to {}", RevokedSessions.CHANNEL);
		}
		catch (RuntimeException ex) {
			log.warn("Cannot subscribe to {} yet ({}); retrying in {} s, the session sweep covers meanwhile",
					RevokedSessions.CHANNEL, ex.getMessage(), RETRY_SECONDS);
			destroyQuietly(attempt);
			try {
				scheduler.schedule(this::subscribe, RETRY_SECONDS, TimeUnit.SECONDS);
			}
			catch (RejectedExecutionException shuttingDown) {
				// Nothing to retry for.
			}
		}
	}

	@Override
	public synchronized void stop() {
		running = false;
		if (container != null) {
			destroyQuietly(container);
			container = null;
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	private static void destroyQuietly(RedisMessageListenerContainer container) {
		try {
			container.destroy();
		}
		catch (Exception ex) {
			log.debug("Could not close the subscription container", ex);
		}
	}
}
