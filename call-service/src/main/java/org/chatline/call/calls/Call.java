package org.chatline.call.calls;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.chatline.common.api.DomainException;

/**
 * A call and its participants: the state machine. Each transition checks who may make it and
 * from which status, changes the state, and returns what happened (nothing when nothing changed),
 * which {@link CallTransitions} publishes as call-api's events. Callers hold the call's row lock, so
 * transitions of one call never interleave.
 */
final class Call {

	/** What a transition did: one {@code CallEvent} record each. */
	enum Transition {
		INITIATED, JOINED, REJECTED, LEFT, ENDED, MISSED
	}

	private final UUID id;

	private final UUID initiatorId;

	private final UUID groupId;

	private final String roomId;

	private final CallType type;

	private final Instant createdAt;

	private final Instant ringDeadline;

	private CallStatus status;

	private Instant endedAt;

	/** In invitation order, the initiator first. */
	private final Map<UUID, Participant> participants = new LinkedHashMap<>();

	Call(UUID id, UUID initiatorId, UUID groupId, String roomId, CallType type, CallStatus status, Instant createdAt,
			Instant ringDeadline, Instant endedAt, Collection<Participant> participants) {
		this.id = id;
		this.initiatorId = initiatorId;
		this.groupId = groupId;
		this.roomId = roomId;
		this.type = type;
		this.status = status;
		this.createdAt = createdAt;
		this.ringDeadline = ringDeadline;
		this.endedAt = endedAt;
		participants.forEach(p -> this.participants.put(p.userId(), p));
	}

	/** A new call, ringing its invitees; the initiator is in it from the start. */
	static Call start(UUID initiatorId, UUID groupId, String roomId, CallType type, List<UUID> invitees, Instant now,
			Duration ringTimeout) {
		List<Participant> participants = new ArrayList<>();
		participants.add(Participant.initiator(initiatorId, now));
		invitees.forEach(id -> participants.add(Participant.invitee(id)));
		return new Call(UUID.randomUUID(), initiatorId, groupId, roomId, type, CallStatus.RINGING, now,
				now.plus(ringTimeout), null, participants);
	}

	boolean isParticipant(UUID userId) {
		return participants.containsKey(userId);
	}

	boolean isInCall(UUID userId) {
		Participant p = participants.get(userId);
		return p != null && p.inCall();
	}

	/**
	 * An invitee answering, or any participant (re)joining an active call. Joining a call one is
	 * already in changes nothing (a second device, a lost token) and produces no event.
	 */
	List<Transition> join(UUID userId, Instant now) {
		Participant p = participant(userId);
		requireActive();
		if (p.inCall()) {
			return List.of();
		}
		p.join(now);
		if (status == CallStatus.RINGING && !p.isInitiator()) {
			status = CallStatus.ONGOING;
		}
		return List.of(Transition.JOINED);
	}

	/** A participant in the call leaving it; the last one out ends the call. */
	List<Transition> leave(UUID userId, Instant now) {
		Participant p = participant(userId);
		requireActive();
		if (!p.inCall()) {
			throw DomainException.conflict("You are not in this call");
		}
		p.leave(now);
		if (participants.values().stream().noneMatch(Participant::inCall)) {
			finish(CallStatus.ENDED, now);
			return List.of(Transition.LEFT, Transition.ENDED);
		}
		return List.of(Transition.LEFT);
	}

	/**
	 * An invitee declining. While ringing, the call is rejected once every invitee has declined; an
	 * invitee may also decline a group call that others already answered (it stays ongoing).
	 */
	List<Transition> reject(UUID userId, Instant now) {
		Participant p = participant(userId);
		if (p.isInitiator()) {
			throw DomainException.forbidden("Only invitees can reject a call; the initiator ends it");
		}
		requireActive();
		if (p.hasJoined()) {
			throw DomainException.conflict("You have already joined this call");
		}
		if (p.hasRejected()) {
			throw DomainException.conflict("You have already rejected this call");
		}
		p.reject(now);
		if (status == CallStatus.RINGING
				&& participants.values().stream().filter(q -> !q.isInitiator()).allMatch(Participant::hasRejected)) {
			finish(CallStatus.REJECTED, now);
		}
		return List.of(Transition.REJECTED);
	}

	/** The initiator ending the call, answered or not. */
	List<Transition> end(UUID userId, Instant now) {
		Participant p = participant(userId);
		if (!p.isInitiator()) {
			throw DomainException.forbidden("Only the initiator can end the call");
		}
		requireActive();
		finish(CallStatus.ENDED, now);
		return List.of(Transition.ENDED);
	}

	/** Nobody answered before the ring deadline. */
	List<Transition> miss(Instant now) {
		if (status != CallStatus.RINGING || now.isBefore(ringDeadline)) {
			return List.of();
		}
		finish(CallStatus.MISSED, now);
		return List.of(Transition.MISSED);
	}

	private void finish(CallStatus finalStatus, Instant now) {
		status = finalStatus;
		endedAt = now;
		participants.values().stream().filter(Participant::inCall).forEach(p -> p.leave(now));
	}

	private void requireActive() {
		switch (status) {
			case ENDED -> throw DomainException.conflict("Call has already ended");
			case REJECTED -> throw DomainException.conflict("Call was rejected");
			case MISSED -> throw DomainException.conflict("Call was missed");
			default -> {
			}
		}
	}

	private Participant participant(UUID userId) {
		return Optional.ofNullable(participants.get(userId))
			.orElseThrow(() -> DomainException.notFound("Call not found"));
	}

	UUID id() {
		return id;
	}

	UUID initiatorId() {
		return initiatorId;
	}

	UUID groupId() {
		return groupId;
	}

	String roomId() {
		return roomId;
	}

	CallType type() {
		return type;
	}

	CallStatus status() {
		return status;
	}

	Instant createdAt() {
		return createdAt;
	}

	Instant ringDeadline() {
		return ringDeadline;
	}

	Instant endedAt() {
		return endedAt;
	}

	List<Participant> participants() {
		return List.copyOf(participants.values());
	}

	List<UUID> participantIds() {
		return List.copyOf(participants.keySet());
	}
}
