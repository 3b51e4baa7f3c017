package org.chatline.call.calls;

/** What a participant needs to enter the call: the call, the Jitsi room URL and their own room token. */
public record CallSession(CallResponse call, String roomUrl, String token) {
}
