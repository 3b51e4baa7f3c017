package org.chatline.realtime.typing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.chatline.common.events.Event;
import org.chatline.presence.api.SignalEvent;
import org.chatline.presence.api.SignalEvent.TypingStarted;
import org.chatline.realtime.RealtimeProperties;
import org.chatline.realtime.events.DomainEventHandler;
import org.chatline.realtime.socket.Rooms;
import org.chatline.realtime.socket.SocketEmitter;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Delivers typing signals from {@code chat.signals.v1} to this instance's sockets: {@code {userId,
 * receiverId}} to the receiver's room or {@code {userId, groupId}} to the group's room, never to the
 * typist's own sockets. A signal that arrives late (consumer lag) is dropped: "is typing" from
 * a while ago is wrong, not late.
 */
@Component
class TypingSignalPusher implements DomainEventHandler<SignalEvent> {

	private final SocketEmitter emitter;

	private final Duration maxAge;

	private final Clock clock;

	@Autowired
	TypingSignalPusher(SocketEmitter emitter, RealtimeProperties properties) {
		this(emitter, properties.typingMaxAge(), Clock.systemUTC());
	}

	TypingSignalPusher(SocketEmitter emitter, Duration maxAge, Clock clock) {
		this.emitter = emitter;
		this.maxAge = maxAge;
		this.clock = clock;
	}

	@Override
	public Class<SignalEvent> payloadType() {
		return SignalEvent.class;
	}

	@Override
	public void handle(Event<SignalEvent> event) {
		if (event.occurredAt() != null && event.occurredAt().plus(maxAge).isBefore(Instant.now(clock))) {
			return;
		}
		SignalEvent signal = event.payload();
		String socketEvent = signal instanceof TypingStarted ? TypingHandler.START : TypingHandler.STOP;
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("userId", signal.userId().toString());
		if (signal.groupId() != null) {
			payload.put("groupId", signal.groupId().toString());
			emitter.toRoomExcept(Rooms.group(signal.groupId()), socketEvent, payload, signal.userId());
		}
		else if (signal.receiverId() != null) {
			payload.put("receiverId", signal.receiverId().toString());
			emitter.toRoomExcept(Rooms.user(signal.receiverId()), socketEvent, payload, signal.userId());
		}
	}
}
