package org.chatline.gateway.webapp;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/** Serves the web client next to the API (see {@link WebApp}). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebAppProperties.class)
class WebAppConfiguration {

	@Bean
	RouterFunction<ServerResponse> webAppRoutes(WebAppProperties properties) {
		return WebApp.routes(properties);
	}
}
