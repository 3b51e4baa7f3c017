package org.chatline.call;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code chat.calls.*}.
 *
 * @param jitsi the Jitsi deployment rooms and tokens are made for
 * @param ringTimeout how long a call may ring unanswered before it is marked {@code MISSED}
 * @param sweepInterval how often unanswered calls are looked for
 * @param maxParticipants most users one call may invite (the initiator not counted)
 */
@ConfigurationProperties("chat.calls")
public record CallProperties(@DefaultValue Jitsi jitsi, @DefaultValue("45s") Duration ringTimeout,
		@DefaultValue("5s") Duration sweepInterval, @DefaultValue("50") int maxParticipants) {

	public CallProperties {
		if (ringTimeout.isNegative() || ringTimeout.isZero()) {
			throw new IllegalArgumentException("chat.calls.ring-timeout must be positive");
		}
		if (sweepInterval.isNegative() || sweepInterval.isZero()) {
			throw new IllegalArgumentException("chat.calls.sweep-interval must be positive");
		}
		if (maxParticipants < 1) {
			throw new IllegalArgumentException("chat.calls.max-participants must be 1 or more");
		}
	}

	/**
	 * Jitsi token authentication (Prosody {@code token} auth with a shared secret).
	 *
	 * @param domain public host of the Jitsi web app: room URLs are {@code https://{domain}/{room}}
	 * @param subject the tokens' {@code sub}; empty means {@code domain} (set it to the XMPP domain, or
	 * {@code *}, when that differs from the public host)
	 * @param appId the tokens' {@code iss}: Jitsi's {@code JWT_APP_ID}
	 * @param appSecret the HS256 key: Jitsi's {@code JWT_APP_SECRET}, at least 32 bytes; empty means a
	 * development secret, accepted only in the {@code dev} profile (the service does not start otherwise)
	 * @param audience the tokens' {@code aud}: one of Jitsi's {@code JWT_ACCEPTED_AUDIENCES}
	 * @param tokenTtl lifetime of a room token
	 */
	public record Jitsi(@DefaultValue("meet.jit.si") String domain, @DefaultValue("") String subject,
			@DefaultValue("chatline") String appId, @DefaultValue("") String appSecret,
			@DefaultValue("jitsi") String audience, @DefaultValue("2h") Duration tokenTtl) {

		/** Used when no secret is configured; never accepted by a Jitsi that was set up properly. */
		public static final String DEV_SECRET = "chatline-development-jitsi-secret-do-not-deploy";

		/** HS256 needs a key of at least 256 bits (RFC 7518, 3.2). */
		static final int MIN_SECRET_BYTES = 32;

		public Jitsi {
			if (domain.isBlank()) {
				throw new IllegalArgumentException("chat.calls.jitsi.domain must not be empty");
			}
			if (appId.isBlank()) {
				throw new IllegalArgumentException("chat.calls.jitsi.app-id must not be empty");
			}
			if (subject.isBlank()) {
				subject = domain;
			}
			if (appSecret.isBlank()) {
				appSecret = DEV_SECRET;
			}
			if (appSecret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
				throw new IllegalArgumentException("chat.calls.jitsi.app-secret (JWT_APP_SECRET) must be at least "
						+ MIN_SECRET_BYTES + " bytes for HS256, e.g. `openssl rand -hex 32`");
			}
			if (tokenTtl.isNegative() || tokenTtl.isZero()) {
				throw new IllegalArgumentException("chat.calls.jitsi.token-ttl must be positive");
			}
		}

		public boolean usesDevSecret() {
			return DEV_SECRET.equals(appSecret);
		}

		@Override
		public String toString() {
			// Keeps the secret out of logs and actuator output.
			return "Jitsi[domain=" + domain + ", subject=" + subject + ", appId=" + appId + ", audience=" + audience
					+ ", tokenTtl=" + tokenTtl + "]";
		}
	}
}
