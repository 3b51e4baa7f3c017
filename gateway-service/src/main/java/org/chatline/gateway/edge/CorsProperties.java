package org.chatline.gateway.edge;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code chat.gateway.cors.*}: which browser origins may call the API and open Socket.IO polling
 * sessions (patterns such as {@code https://*.example.com}), and whether cookies may be sent.
 */
@ConfigurationProperties("chat.gateway.cors")
public record CorsProperties(@DefaultValue({ "http://localhost:*", "http://127.0.0.1:*" }) List<String> allowedOrigins,
		@DefaultValue("true") boolean allowCredentials) {
}
