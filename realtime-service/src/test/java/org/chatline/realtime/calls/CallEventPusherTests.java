package org.chatline.realtime.calls;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.chatline.common.events.CallEvent;
import org.chatline.common.events.EventCodec;
import org.chatline.common.events.EventTypes;
import org.chatline.realtime.socket.SocketEmitter;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;

class CallEventPusherTests {

	private final EventCodec codec = new EventCodec(JsonMapper.builder().build());

	private final SocketEmitter emitter = mock(SocketEmitter.class);

	private final CallEventPusher pusher = new CallEventPusher(codec, emitter);

	private final UUID callId = UUID.randomUUID();

	private final UUID initiator = UUID.randomUUID();

	private final UUID invitee = UUID.randomUUID();

	private final UUID other = UUID.randomUUID();

	@Test
	void ringsEveryInviteeButNotTheInitiator() {
		Instant created = Instant.parse("2025-01-01T00:00:00Z");
		pusher.handle(codec.envelope(EventTypes.CALL_INITIATED, initiator, call("RINGING", null, created)));

		Map<String, Object> expected = CallEventPusher.ringing(call("RINGING", null, created));
		assertThat(expected.get("initiatorId")).isEqualTo(initiator.toString());
		assertThat(((Map<?, ?>) expected.get("call")).keySet()).map(String::valueOf).containsExactly("id", "initiatorId", "type", "status",
				"roomId", "createdAt");
		verify(emitter).toRoom("user:" + invitee, "call:ringing", expected);
		verify(emitter).toRoom("user:" + other, "call:ringing", expected);
		verify(emitter, never()).toRoom(eq("user:" + initiator), anyString(), any());
	}

	@Test
	void tellsTheOthersWhoJoinedAndWhoLeft() {
		pusher.handle(codec.envelope(EventTypes.CALL_PARTICIPANT_JOINED, invitee, call("ONGOING", invitee, null)));
		pusher.handle(codec.envelope(EventTypes.CALL_PARTICIPANT_LEFT, invitee, call("ONGOING", invitee, null)));

		Map<String, Object> byInvitee = Map.of("callId", callId.toString(), "userId", invitee.toString());
		verify(emitter).toRoom("user:" + initiator, "call:participant:join", byInvitee);
		verify(emitter).toRoom("user:" + other, "call:participant:join", byInvitee);
		verify(emitter).toRoom("user:" + initiator, "call:participant:leave", byInvitee);
		verify(emitter).toRoom("user:" + other, "call:participant:leave", byInvitee);
		verify(emitter, never()).toRoom(eq("user:" + invitee), anyString(), any());
	}

	@Test
	void tellsOnlyTheInitiatorAboutARejection() {
		pusher.handle(codec.envelope(EventTypes.CALL_REJECTED, invitee, call("RINGING", invitee, null)));

		verify(emitter).toRoom("user:" + initiator, "call:reject",
				Map.of("callId", callId.toString(), "userId", invitee.toString()));
		verifyNoMoreInteractions(emitter);
	}

	@Test
	void endsTheCallForEveryoneWhenEndedOrMissed() {
		pusher.handle(codec.envelope(EventTypes.CALL_ENDED, initiator, call("ENDED", initiator, null)));
		pusher.handle(codec.envelope(EventTypes.CALL_MISSED, null, call("MISSED", null, null)));

		for (UUID participant : List.of(initiator, invitee, other)) {
			verify(emitter).toRoom("user:" + participant, "call:end",
					Map.of("callId", callId.toString(), "status", "ENDED"));
			verify(emitter).toRoom("user:" + participant, "call:end",
					Map.of("callId", callId.toString(), "status", "MISSED"));
		}
	}

	private CallEvent call(String status, UUID user, Instant created) {
		return new CallEvent(callId, "VIDEO", status, initiator, null, "room-1", List.of(initiator, invitee, other),
				user, created, null);
	}
}
