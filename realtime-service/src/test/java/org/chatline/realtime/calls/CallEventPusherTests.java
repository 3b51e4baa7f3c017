package org.chatline.realtime.calls;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.chatline.call.api.CallEvent;
import org.chatline.call.api.CallEvent.CallEnded;
import org.chatline.call.api.CallEvent.CallInitiated;
import org.chatline.call.api.CallEvent.CallMissed;
import org.chatline.call.api.CallEvent.CallParticipantJoined;
import org.chatline.call.api.CallEvent.CallParticipantLeft;
import org.chatline.call.api.CallEvent.CallRejected;
import org.chatline.common.events.Event;
import org.chatline.realtime.socket.SocketEmitter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;

class CallEventPusherTests {

	private final SocketEmitter emitter = mock(SocketEmitter.class);

	private final CallEventPusher pusher = new CallEventPusher(emitter);

	private final UUID callId = UUID.randomUUID();

	private final UUID initiator = UUID.randomUUID();

	private final UUID invitee = UUID.randomUUID();

	private final UUID other = UUID.randomUUID();

	private final List<UUID> everyone = List.of(initiator, invitee, other);

	@Test
	void ringsEveryInviteeButNotTheInitiator() {
		Instant created = Instant.parse("2025-01-01T00:00:00Z");
		CallInitiated call = new CallInitiated(callId, "VIDEO", "RINGING", initiator, null, "room-1", everyone, initiator,
				created);
		pusher.handle(event(call));

		Map<String, Object> expected = CallEventPusher.ringing(call);
		assertThat(expected.get("initiatorId")).isEqualTo(initiator.toString());
		assertThat(((Map<?, ?>) expected.get("call")).keySet()).map(String::valueOf).containsExactly("id", "initiatorId", "type", "status",
				"roomId", "createdAt");
		verify(emitter).toRoom("user:" + invitee, "call:ringing", expected);
		verify(emitter).toRoom("user:" + other, "call:ringing", expected);
		verify(emitter, never()).toRoom(eq("user:" + initiator), anyString(), any());
	}

	@Test
	void tellsTheOthersWhoJoinedAndWhoLeft() {
		pusher.handle(event(new CallParticipantJoined(callId, "VIDEO", "ONGOING", initiator, null, "room-1", everyone,
				invitee, null)));
		pusher.handle(event(new CallParticipantLeft(callId, "VIDEO", "ONGOING", initiator, null, "room-1", everyone,
				invitee, null, null)));

		Map<String, Object> byInvitee = Map.of("callId", callId.toString(), "userId", invitee.toString());
		verify(emitter).toRoom("user:" + initiator, "call:participant:join", byInvitee);
		verify(emitter).toRoom("user:" + other, "call:participant:join", byInvitee);
		verify(emitter).toRoom("user:" + initiator, "call:participant:leave", byInvitee);
		verify(emitter).toRoom("user:" + other, "call:participant:leave", byInvitee);
		verify(emitter, never()).toRoom(eq("user:" + invitee), anyString(), any());
	}

	@Test
	void tellsOnlyTheInitiatorAboutARejection() {
		pusher.handle(event(new CallRejected(callId, "VIDEO", "RINGING", initiator, null, "room-1", everyone, invitee,
				null, null)));

		verify(emitter).toRoom("user:" + initiator, "call:reject",
				Map.of("callId", callId.toString(), "userId", invitee.toString()));
		verifyNoMoreInteractions(emitter);
	}

	@Test
	void endsTheCallForEveryoneWhenEndedOrMissed() {
		pusher.handle(event(new CallEnded(callId, "VIDEO", "ENDED", initiator, null, "room-1", everyone, initiator,
				null, null)));
		pusher.handle(event(new CallMissed(callId, "VIDEO", "MISSED", initiator, null, "room-1", everyone, null, null)));

		for (UUID participant : List.of(initiator, invitee, other)) {
			verify(emitter).toRoom("user:" + participant, "call:end",
					Map.of("callId", callId.toString(), "status", "ENDED"));
			verify(emitter).toRoom("user:" + participant, "call:end",
					Map.of("callId", callId.toString(), "status", "MISSED"));
		}
	}

	private static Event<CallEvent> event(CallEvent call) {
		return new Event<>(UUID.randomUUID(), "Call", Instant.now(), null, call);
	}
}
