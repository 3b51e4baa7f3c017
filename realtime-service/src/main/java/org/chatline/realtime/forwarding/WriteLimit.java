package org.chatline.realtime.forwarding;

/**
 * Which of the gateway's buckets a forwarded socket write counts in: the bucket its REST twin
 * counts in, so that REST and the socket share one allowance.
 */
public enum WriteLimit {

	/** {@code message:send}, like {@code POST /messages}: per user. */
	MESSAGES,

	/** Every other write (edit, delete, call actions), like the rest of the REST API: per client address. */
	GENERAL
}
