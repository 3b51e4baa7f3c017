package org.chatline.call.calls;

/** RINGING → ONGOING → ENDED; RINGING → REJECTED | MISSED | ENDED (cancelled by the initiator). */
enum CallStatus {

	RINGING, ONGOING, ENDED, REJECTED, MISSED;

	boolean isFinal() {
		return this != RINGING && this != ONGOING;
	}
}
