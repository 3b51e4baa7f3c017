package org.chatline.realtime.presence;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.chatline.common.events.Event;
import org.chatline.message.api.MessageEvent.MessageCreated;
import org.chatline.realtime.events.DomainEventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Who has exchanged a direct message with whom, learned from {@code MessageCreated} events: Redis
 * sets {@code dm-partners:{userId}}, expiring {@code partners-ttl} after the last direct message.
 * Presence goes to these partners; realtime has no conversation list of its own to ask. Every
 * instance records the same pairs (set adds are idempotent). A pair already written recently is
 * not written again: the event consumer is on the hot path of every message, and a busy
 * conversation would otherwise cost four Redis round trips per message.
 */
@Component
class DmPartners implements DomainEventHandler<MessageCreated> {

	private static final Logger log = LoggerFactory.getLogger(DmPartners.class);

	private final StringRedisTemplate redis;

	private final Duration ttl;

	/** Pairs written to Redis, with when; bounded, oldest dropped first. */
	private final Map<String, Long> recentlyWritten = Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, true) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
			return size() > RECENT_CAPACITY;
		}
	});

	static final int RECENT_CAPACITY = 100_000;

	DmPartners(StringRedisTemplate redis, PresenceProperties properties) {
		this.redis = redis;
		this.ttl = properties.partnersTtl();
	}

	static String key(UUID userId) {
		return "dm-partners:" + userId;
	}

	@Override
	public Class<MessageCreated> payloadType() {
		return MessageCreated.class;
	}

	@Override
	public void handle(Event<MessageCreated> event) {
		MessageCreated message = event.payload();
		if (message.groupId() != null || message.receiverId() == null || message.senderId() == null
				|| message.senderId().equals(message.receiverId())) {
			return;
		}
		String pair = message.senderId().compareTo(message.receiverId()) < 0
				? message.senderId() + ":" + message.receiverId() : message.receiverId() + ":" + message.senderId();
		long now = System.currentTimeMillis();
		Long written = recentlyWritten.get(pair);
		// Refresh the Redis expiry at most once per tenth of the TTL.
		if (written != null && now - written < ttl.toMillis() / 10) {
			return;
		}
		try {
			remember(message.senderId(), message.receiverId());
			remember(message.receiverId(), message.senderId());
			recentlyWritten.put(pair, now);
		}
		catch (DataAccessException ex) {
			log.warn("Could not record direct-message partners: {}", ex.getMessage());
		}
	}

	private void remember(UUID userId, UUID partner) {
		redis.opsForSet().add(key(userId), partner.toString());
		redis.expire(key(userId), ttl);
	}

	Set<UUID> partnersOf(UUID userId) {
		try {
			Set<String> members = redis.opsForSet().members(key(userId));
			return members == null ? Set.of() : members.stream().map(UUID::fromString).collect(Collectors.toSet());
		}
		catch (DataAccessException ex) {
			log.warn("Could not read the partners of user {}: {}", userId, ex.getMessage());
			return Set.of();
		}
	}
}
