package org.chatline.common.security;

import java.net.URI;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code chat.security.*}: where the JWKS lives, what issuer and audience tokens must carry, and
 * which paths need no token.
 */
@ConfigurationProperties("chat.security")
public record SecurityProperties(@DefaultValue("http://localhost:8081/.well-known/jwks.json") URI jwksUri,
		@DefaultValue("chatline-auth") String issuer, @DefaultValue("chatline") String audience,
		@DefaultValue({ "/actuator/**", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/internal/**",
				"/.well-known/**", "/error" }) List<String> publicPaths,
		@DefaultValue List<String> extraPublicPaths) {
}
