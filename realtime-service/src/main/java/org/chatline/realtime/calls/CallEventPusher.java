package org.chatline.realtime.calls;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.chatline.call.api.CallEvent;
import org.chatline.call.api.CallEvent.CallEnded;
import org.chatline.call.api.CallEvent.CallInitiated;
import org.chatline.call.api.CallEvent.CallMissed;
import org.chatline.call.api.CallEvent.CallParticipantJoined;
import org.chatline.call.api.CallEvent.CallParticipantLeft;
import org.chatline.call.api.CallEvent.CallRejected;
import org.chatline.common.events.Event;
import org.chatline.realtime.events.DomainEventHandler;
import org.chatline.realtime.socket.Rooms;
import org.chatline.realtime.socket.SocketEmitter;

import org.springframework.stereotype.Component;

/**
 * Call transitions from {@code chat.calls.v1} to the participants' user rooms. {@code participantIds}
 * is everyone invited, initiator included:
 * <ul>
 * <li>{@code CallInitiated} → {@code call:ringing {call, initiatorId}} to every invitee (not the
 * initiator);</li>
 * <li>{@code CallParticipantJoined} → {@code call:participant:join {callId, userId}} to the others;</li>
 * <li>{@code CallRejected} → {@code call:reject {callId, userId}} to the initiator;</li>
 * <li>{@code CallParticipantLeft} → {@code call:participant:leave {callId, userId}} to the others;</li>
 * <li>{@code CallEnded}, {@code CallMissed} → {@code call:end {callId, status}} to everyone.</li>
 * </ul>
 */
@Component
class CallEventPusher implements DomainEventHandler<CallEvent> {

	static final String RINGING = "call:ringing";

	static final String JOINED = "call:participant:join";

	private final SocketEmitter emitter;

	CallEventPusher(SocketEmitter emitter) {
		this.emitter = emitter;
	}

	@Override
	public Class<CallEvent> payloadType() {
		return CallEvent.class;
	}

	@Override
	public void handle(Event<CallEvent> event) {
		CallEvent call = event.payload();
		if (call instanceof CallInitiated) {
			toParticipantsExcept(call, call.initiatorId(), RINGING, ringing(call));
		}
		else if (call instanceof CallParticipantJoined joined) {
			toParticipantsExcept(call, joined.userId(), JOINED, byUser(call, joined.userId()));
		}
		else if (call instanceof CallRejected rejected && call.initiatorId() != null) {
			emitter.toRoom(Rooms.user(call.initiatorId()), CallSocketHandler.REJECT, byUser(call, rejected.userId()));
		}
		else if (call instanceof CallParticipantLeft left) {
			toParticipantsExcept(call, left.userId(), CallSocketHandler.LEAVE, byUser(call, left.userId()));
		}
		else if (call instanceof CallEnded || call instanceof CallMissed) {
			toParticipantsExcept(call, null, CallSocketHandler.END, ended(call));
		}
	}

	private void toParticipantsExcept(CallEvent call, UUID excluded, String event, Map<String, Object> payload) {
		List<UUID> participants = call.participantIds() == null ? List.of() : call.participantIds();
		participants.stream()
			.filter(Objects::nonNull)
			.distinct()
			.filter(participant -> !participant.equals(excluded))
			.forEach(participant -> emitter.toRoom(Rooms.user(participant), event, payload));
	}

	/** The spec's {@code call:ringing} payload. */
	static Map<String, Object> ringing(CallEvent call) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("id", string(call.callId()));
		details.put("initiatorId", string(call.initiatorId()));
		details.put("type", call.type());
		details.put("status", call.status());
		details.put("roomId", call.roomId());
		details.put("createdAt", iso(call.createdAt()));
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("call", details);
		payload.put("initiatorId", string(call.initiatorId()));
		return payload;
	}

	static Map<String, Object> byUser(CallEvent call, UUID userId) {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("callId", string(call.callId()));
		payload.put("userId", string(userId));
		return payload;
	}

	static Map<String, Object> ended(CallEvent call) {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("callId", string(call.callId()));
		payload.put("status", call.status());
		return payload;
	}

	private static String string(UUID id) {
		return id == null ? null : id.toString();
	}

	private static String iso(Instant instant) {
		return instant == null ? null : DateTimeFormatter.ISO_INSTANT.format(instant);
	}
}
