package org.chatline.common.security;

/** Where a service gets the bearer token it sends with its calls to other services' {@code /internal/**}. */
public interface ServiceTokens {

	/** A service token valid for a while yet. */
	String current();

	/** Forgets the cached token (a receiver refused it), so the next call gets a fresh one. */
	default void invalidate() {
	}
}
