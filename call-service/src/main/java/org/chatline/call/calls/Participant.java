package org.chatline.call.calls;

import java.time.Instant;
import java.util.UUID;

/** One user invited to a call (the initiator too), and where they are in it. */
final class Participant {

	private final UUID userId;

	private final boolean initiator;

	private Instant joinedAt;

	private Instant leftAt;

	private Instant rejectedAt;

	/** Whether this participant changed since it was loaded, so only changed rows are written. */
	private boolean changed;

	Participant(UUID userId, boolean initiator, Instant joinedAt, Instant leftAt, Instant rejectedAt) {
		this.userId = userId;
		this.initiator = initiator;
		this.joinedAt = joinedAt;
		this.leftAt = leftAt;
		this.rejectedAt = rejectedAt;
	}

	static Participant initiator(UUID userId, Instant now) {
		Participant p = new Participant(userId, true, now, null, null);
		p.changed = true;
		return p;
	}

	static Participant invitee(UUID userId) {
		Participant p = new Participant(userId, false, null, null, null);
		p.changed = true;
		return p;
	}

	/** Joined and not left: in the Jitsi room as far as the call knows. */
	boolean inCall() {
		return joinedAt != null && leftAt == null;
	}

	boolean hasRejected() {
		return rejectedAt != null;
	}

	boolean hasJoined() {
		return joinedAt != null;
	}

	void join(Instant now) {
		joinedAt = now;
		leftAt = null;
		rejectedAt = null;
		changed = true;
	}

	void leave(Instant now) {
		leftAt = now;
		changed = true;
	}

	void reject(Instant now) {
		rejectedAt = now;
		changed = true;
	}

	UUID userId() {
		return userId;
	}

	boolean isInitiator() {
		return initiator;
	}

	Instant joinedAt() {
		return joinedAt;
	}

	Instant leftAt() {
		return leftAt;
	}

	Instant rejectedAt() {
		return rejectedAt;
	}

	boolean changed() {
		return changed;
	}
}
