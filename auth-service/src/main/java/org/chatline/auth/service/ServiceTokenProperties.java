package org.chatline.auth.service;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code chat.auth.service-tokens.*}: the credentials of the other services.
 *
 * @param masterSecret the secret every service's own secret is derived from
 * ({@code CHAT_SERVICE_MASTER_SECRET}, at least 32 characters; no default: auth-service refuses to
 * start without it)
 * @param clients the services that may obtain a token; anyone else is refused
 * @param ttl lifetime of a service token
 * @param maxFailures failed token requests allowed per client address and {@code failureWindow}
 * @param failureWindow the window {@code maxFailures} is counted over
 */
@ConfigurationProperties("chat.auth.service-tokens")
public record ServiceTokenProperties(@DefaultValue("") String masterSecret,
		@DefaultValue({ "user-service", "message-service", "group-service", "call-service", "realtime-service",
				"gateway-service", "attachment-service" }) List<String> clients,
		@DefaultValue("5m") Duration ttl, @DefaultValue("10") int maxFailures,
		@DefaultValue("1m") Duration failureWindow) {

	static final int MIN_SECRET_LENGTH = 32;

	public ServiceTokenProperties {
		if (masterSecret == null || masterSecret.length() < MIN_SECRET_LENGTH) {
			throw new IllegalArgumentException("auth-service needs CHAT_SERVICE_MASTER_SECRET "
					+ "(chat.auth.service-tokens.master-secret) of at least " + MIN_SECRET_LENGTH
					+ " characters: every service's credential for /internal/** is derived from it");
		}
	}
}
