package org.chatline.gateway.edge;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code chat.gateway.*}: the request body limits (one for attachment uploads through the
 * platform, one for everything else), the paths that need no token, and the services whose
 * readiness {@code /api/v1/health/ready} reports.
 */
@ConfigurationProperties("chat.gateway")
public record GatewayProperties(@DefaultValue("1MB") DataSize maxBodySize,
		@DefaultValue("25MB") DataSize uploadMaxBodySize, @DefaultValue List<String> publicPaths,
		@DefaultValue List<String> readyServices) {
}
