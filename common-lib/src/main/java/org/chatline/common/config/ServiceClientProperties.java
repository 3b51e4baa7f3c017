package org.chatline.common.config;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code chat.clients.<name>.*}: how this service reaches another one, {@code <name>} being the
 * other's service id ({@code user-service}).
 *
 * @param url base URL; empty means {@code http://<name>}
 * @param loadBalanced whether the URL's host is a service id resolved through discovery (Eureka);
 * {@code false} for a fixed address (tests, or a platform's own DNS)
 * @param connectTimeout how long to wait for a connection, and for a free one from the pool
 * @param readTimeout how long to wait for the answer: a slow owner becomes a quick 503, not a stuck
 * caller
 */
public record ServiceClientProperties(URI url, @DefaultValue("true") boolean loadBalanced,
		@DefaultValue("1s") Duration connectTimeout, @DefaultValue("3s") Duration readTimeout) {
}
