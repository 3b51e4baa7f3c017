package org.chatline.common.security;

import java.net.URI;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code chat.security.*}: where the JWKS lives, what issuer and audience tokens must carry, and
 * which paths need no token.
 *
 * @param audience the audience of users' access tokens, the only tokens the public API accepts
 * @param internalAudience the audience of service tokens, the only tokens {@code internalPaths} accept
 * @param internalPaths the service-to-service API, which the gateway never routes
 */
@ConfigurationProperties("chat.security")
public record SecurityProperties(@DefaultValue("http://localhost:8081/.well-known/jwks.json") URI jwksUri,
		@DefaultValue("chatline-auth") String issuer, @DefaultValue("chatline") String audience,
		@DefaultValue("chatline-internal") String internalAudience,
		@DefaultValue({ "/actuator/**", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/.well-known/**",
				"/error" }) List<String> publicPaths,
		@DefaultValue List<String> extraPublicPaths, @DefaultValue("/internal/**") List<String> internalPaths) {
}
