package org.chatline.call.calls;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.chatline.common.api.DomainException;
import org.chatline.common.api.ErrorCode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.chatline.call.calls.Call.Transition.ENDED;
import static org.chatline.call.calls.Call.Transition.JOINED;
import static org.chatline.call.calls.Call.Transition.LEFT;
import static org.chatline.call.calls.Call.Transition.MISSED;
import static org.chatline.call.calls.Call.Transition.REJECTED;

/** The state machine on its own: each transition, and each refusal with its error code. */
class CallTests {

	final UUID a = UUID.randomUUID();

	final UUID b = UUID.randomUUID();

	final UUID c = UUID.randomUUID();

	final Instant t0 = Instant.parse("2026-01-01T10:00:00Z");

	Call call = Call.start(a, null, "room", CallType.VIDEO, List.of(b, c), t0, Duration.ofSeconds(45));

	@Test
	void startsRingingWithTheInitiatorInTheCall() {
		assertThat(call.status()).isEqualTo(CallStatus.RINGING);
		assertThat(call.participantIds()).containsExactly(a, b, c);
		assertThat(call.isInCall(a)).isTrue();
		assertThat(call.isInCall(b)).isFalse();
		assertThat(call.ringDeadline()).isEqualTo(t0.plusSeconds(45));
		assertThat(call.endedAt()).isNull();
	}

	@Test
	void firstInviteeToJoinMakesItOngoing() {
		assertThat(call.join(b, t0.plusSeconds(1))).containsExactly(JOINED);
		assertThat(call.status()).isEqualTo(CallStatus.ONGOING);
		assertThat(call.join(c, t0.plusSeconds(2))).containsExactly(JOINED);
		assertThat(call.status()).isEqualTo(CallStatus.ONGOING);
	}

	@Test
	void joiningACallOneIsInChangesNothing() {
		assertThat(call.join(a, t0.plusSeconds(1))).isEmpty();
		assertThat(call.status()).isEqualTo(CallStatus.RINGING);
		call.join(b, t0.plusSeconds(1));
		assertThat(call.join(b, t0.plusSeconds(2))).isEmpty();
	}

	@Test
	void lastParticipantLeavingEndsTheCall() {
		call.join(b, t0.plusSeconds(1));
		assertThat(call.leave(a, t0.plusSeconds(2))).containsExactly(LEFT);
		assertThat(call.status()).isEqualTo(CallStatus.ONGOING);
		assertThat(call.leave(b, t0.plusSeconds(3))).containsExactly(LEFT, ENDED);
		assertThat(call.status()).isEqualTo(CallStatus.ENDED);
		assertThat(call.endedAt()).isEqualTo(t0.plusSeconds(3));
	}

	@Test
	void initiatorLeavingARingingCallEndsIt() {
		assertThat(call.leave(a, t0.plusSeconds(1))).containsExactly(LEFT, ENDED);
		assertThat(call.status()).isEqualTo(CallStatus.ENDED);
	}

	@Test
	void endingLetsEveryoneOut() {
		call.join(b, t0.plusSeconds(1));
		assertThat(call.end(a, t0.plusSeconds(5))).containsExactly(ENDED);
		assertThat(call.status()).isEqualTo(CallStatus.ENDED);
		assertThat(call.participants()).noneMatch(Participant::inCall);
		assertThat(call.participants().get(1).leftAt()).isEqualTo(t0.plusSeconds(5));
	}

	@Test
	void rejectedOnceEveryInviteeRejects() {
		assertThat(call.reject(b, t0.plusSeconds(1))).containsExactly(REJECTED);
		assertThat(call.status()).isEqualTo(CallStatus.RINGING);
		assertThat(call.reject(c, t0.plusSeconds(2))).containsExactly(REJECTED);
		assertThat(call.status()).isEqualTo(CallStatus.REJECTED);
		assertThat(call.endedAt()).isEqualTo(t0.plusSeconds(2));
		assertThat(call.isInCall(a)).isFalse();
	}

	@Test
	void decliningAnOngoingCallLeavesItOngoing() {
		call.join(b, t0.plusSeconds(1));
		assertThat(call.reject(c, t0.plusSeconds(2))).containsExactly(REJECTED);
		assertThat(call.status()).isEqualTo(CallStatus.ONGOING);
	}

	@Test
	void rejecterMayStillJoinWhileTheCallIsActive() {
		call.reject(b, t0.plusSeconds(1));
		call.join(b, t0.plusSeconds(2));
		assertThat(call.status()).isEqualTo(CallStatus.ONGOING);
		assertThat(call.participants().get(1).rejectedAt()).isNull();
	}

	@Test
	void missedOnlyAfterTheRingDeadline() {
		assertThat(call.miss(t0.plusSeconds(44))).isEmpty();
		assertThat(call.status()).isEqualTo(CallStatus.RINGING);
		assertThat(call.miss(t0.plusSeconds(45))).containsExactly(MISSED);
		assertThat(call.status()).isEqualTo(CallStatus.MISSED);
		assertThat(call.isInCall(a)).isFalse();
	}

	@Test
	void answeredCallsAreNeverMissed() {
		call.join(b, t0.plusSeconds(1));
		assertThat(call.miss(t0.plusSeconds(60))).isEmpty();
		assertThat(call.status()).isEqualTo(CallStatus.ONGOING);
	}

	@Test
	void onlyTheInitiatorEnds() {
		assertRefused(() -> call.end(b, t0), ErrorCode.FORBIDDEN);
	}

	@Test
	void onlyInviteesReject() {
		assertRefused(() -> call.reject(a, t0), ErrorCode.FORBIDDEN);
	}

	@Test
	void nonParticipantsAreToldTheCallDoesNotExist() {
		UUID outsider = UUID.randomUUID();
		assertRefused(() -> call.join(outsider, t0), ErrorCode.NOT_FOUND);
		assertRefused(() -> call.leave(outsider, t0), ErrorCode.NOT_FOUND);
		assertRefused(() -> call.reject(outsider, t0), ErrorCode.NOT_FOUND);
		assertRefused(() -> call.end(outsider, t0), ErrorCode.NOT_FOUND);
	}

	@Test
	void refusesWhatTheParticipantsStateDoesNotAllow() {
		assertRefused(() -> call.leave(b, t0), ErrorCode.CONFLICT);
		call.reject(c, t0.plusSeconds(1));
		assertRefused(() -> call.reject(c, t0), ErrorCode.CONFLICT);
		call.join(b, t0.plusSeconds(2));
		assertRefused(() -> call.reject(b, t0), ErrorCode.CONFLICT);
	}

	@Test
	void finalCallsRefuseEveryTransition() {
		call.end(a, t0.plusSeconds(1));
		assertRefused(() -> call.end(a, t0), ErrorCode.CONFLICT);
		assertRefused(() -> call.join(b, t0), ErrorCode.CONFLICT);
		assertRefused(() -> call.leave(a, t0), ErrorCode.CONFLICT);
		assertRefused(() -> call.reject(b, t0), ErrorCode.CONFLICT);
		assertThat(call.miss(t0.plusSeconds(100))).isEmpty();
		assertThat(call.status()).isEqualTo(CallStatus.ENDED);
	}

	private static void assertRefused(Runnable transition, ErrorCode code) {
		assertThatThrownBy(transition::run).isInstanceOfSatisfying(DomainException.class,
				ex -> assertThat(ex.code()).isEqualTo(code));
	}
}
