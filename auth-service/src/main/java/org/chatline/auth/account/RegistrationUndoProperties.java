package org.chatline.auth.account;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code chat.auth.registration-undo.*}.
 *
 * @param grace how long a registration in progress owns its pending deletion before the retry job
 * may undo it; far longer than a registration takes (hashing, one call to user-service, one insert)
 * @param retryInterval how often the retry job looks for due deletions, and how long a failed
 * deletion waits before the next attempt
 */
@ConfigurationProperties("chat.auth.registration-undo")
record RegistrationUndoProperties(@DefaultValue("30s") Duration grace, @DefaultValue("10s") Duration retryInterval) {
}
