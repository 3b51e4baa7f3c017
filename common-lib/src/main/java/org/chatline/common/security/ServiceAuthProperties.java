package org.chatline.common.security;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code chat.service-auth.*}: this service's client credentials for auth-service's token endpoint.
 *
 * @param clientId the service's name, the subject of its tokens (defaults to {@code spring.application.name})
 * @param clientSecret the service's own secret ({@code CHAT_SERVICE_SECRET}); no default, a service
 * without one refuses to start
 * @param tokenUri auth-service's client-credentials endpoint, resolved through discovery
 * @param refreshBefore how long before its expiry a cached token is replaced
 */
@ConfigurationProperties("chat.service-auth")
public record ServiceAuthProperties(@DefaultValue("") String clientId, @DefaultValue("") String clientSecret,
		@DefaultValue("http://auth-service/internal/service-tokens") URI tokenUri,
		@DefaultValue("60s") Duration refreshBefore) {
}
