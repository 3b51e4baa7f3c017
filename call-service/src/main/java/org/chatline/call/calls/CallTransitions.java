package org.chatline.call.calls;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.chatline.call.api.CallEvent;
import org.chatline.call.api.CallEvent.CallEnded;
import org.chatline.call.api.CallEvent.CallInitiated;
import org.chatline.call.api.CallEvent.CallMissed;
import org.chatline.call.api.CallEvent.CallParticipantJoined;
import org.chatline.call.api.CallEvent.CallParticipantLeft;
import org.chatline.call.api.CallEvent.CallRejected;
import org.chatline.call.calls.Call.Transition;
import org.chatline.common.api.DomainException;
import org.chatline.common.outbox.OutboxWriter;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every change of a call, each in one transaction that locks the call's row, applies the
 * {@link Call} state machine, writes the result and appends its events to the outbox (keyed by
 * call id, so consumers see a call's events in order).
 */
@Component
class CallTransitions {

	static final String BUSY = "You are already in another call; leave it first";

	/** How many unanswered calls one sweep marks missed; the rest wait for the next sweep. */
	private static final int SWEEP_BATCH = 100;

	private final CallRepository calls;

	private final OutboxWriter outbox;

	CallTransitions(CallRepository calls, OutboxWriter outbox) {
		this.calls = calls;
		this.outbox = outbox;
	}

	@Transactional
	public void start(Call call) {
		List<UUID> busy = calls.inACall(call.participantIds(), call.id());
		if (busy.contains(call.initiatorId())) {
			throw DomainException.conflict("You are already in a call; end or leave it first");
		}
		if (!busy.isEmpty()) {
			throw DomainException.conflict("User " + busy.get(0) + " is already in a call");
		}
		try {
			calls.insert(call);
		}
		catch (DuplicateKeyException ex) {
			// The initiator joined another call between the check and the insert.
			throw DomainException.conflict("You are already in a call; end or leave it first");
		}
		publish(call, List.of(Transition.INITIATED), call.initiatorId());
	}

	@Transactional
	public Call join(UUID callId, UUID userId) {
		Call call = lockAsParticipant(callId, userId);
		if (!call.status().isFinal() && !call.isInCall(userId) && !calls.inACall(List.of(userId), callId).isEmpty()) {
			throw DomainException.conflict(BUSY);
		}
		return apply(call, userId, call.join(userId, now()));
	}

	@Transactional
	public Call leave(UUID callId, UUID userId) {
		Call call = lockAsParticipant(callId, userId);
		return apply(call, userId, call.leave(userId, now()));
	}

	@Transactional
	public Call reject(UUID callId, UUID userId) {
		Call call = lockAsParticipant(callId, userId);
		return apply(call, userId, call.reject(userId, now()));
	}

	@Transactional
	public Call end(UUID callId, UUID userId) {
		Call call = lockAsParticipant(callId, userId);
		return apply(call, userId, call.end(userId, now()));
	}

	/** Marks ringing calls past their deadline missed; returns how many. */
	@Transactional
	public int missExpired() {
		Instant now = now();
		int missed = 0;
		for (UUID id : calls.lockExpiredRinging(now, SWEEP_BATCH)) {
			Call call = calls.lock(id).orElseThrow();
			List<Transition> events = call.miss(now);
			if (!events.isEmpty()) {
				// Nobody caused this: the event's userId and the envelope's actorId are null.
				apply(call, null, events);
				missed++;
			}
		}
		return missed;
	}

	/** Non-participants learn nothing about a call, not even that it exists. */
	private Call lockAsParticipant(UUID callId, UUID userId) {
		return calls.lock(callId)
			.filter(call -> call.isParticipant(userId))
			.orElseThrow(() -> DomainException.notFound("Call not found"));
	}

	private Call apply(Call call, UUID userId, List<Transition> events) {
		if (events.isEmpty()) {
			return call;
		}
		try {
			calls.update(call);
		}
		catch (DuplicateKeyException ex) {
			// The one-call-per-user index: the user joined another call concurrently.
			throw DomainException.conflict(BUSY);
		}
		publish(call, events, userId);
		return call;
	}

	private void publish(Call call, List<Transition> transitions, UUID userId) {
		transitions.forEach(t -> outbox.append(call.id().toString(), userId, event(call, t, userId)));
	}

	/** The call as it is after the transition, in the record of what happened. */
	private static CallEvent event(Call call, Transition transition, UUID userId) {
		UUID id = call.id();
		String type = call.type().name();
		String status = call.status().name();
		List<UUID> participants = call.participantIds();
		return switch (transition) {
			case INITIATED -> new CallInitiated(id, type, status, call.initiatorId(), call.groupId(), call.roomId(),
					participants, userId, call.createdAt());
			case JOINED -> new CallParticipantJoined(id, type, status, call.initiatorId(), call.groupId(),
					call.roomId(), participants, userId, call.createdAt());
			case REJECTED -> new CallRejected(id, type, status, call.initiatorId(), call.groupId(), call.roomId(),
					participants, userId, call.createdAt(), call.endedAt());
			case LEFT -> new CallParticipantLeft(id, type, status, call.initiatorId(), call.groupId(), call.roomId(),
					participants, userId, call.createdAt(), call.endedAt());
			case ENDED -> new CallEnded(id, type, status, call.initiatorId(), call.groupId(), call.roomId(),
					participants, userId, call.createdAt(), call.endedAt());
			case MISSED -> new CallMissed(id, type, status, call.initiatorId(), call.groupId(), call.roomId(),
					participants, call.createdAt(), call.endedAt());
		};
	}

	private static Instant now() {
		// PostgreSQL keeps microseconds: what is returned is what is stored.
		return Instant.now().truncatedTo(ChronoUnit.MICROS);
	}
}
