package org.chatline.common.readiness;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code chat.readiness.*}.
 *
 * @param requires the service ids this service calls; readiness is DOWN while the load balancer
 * has no instance of one of them. Empty (the default): no such check.
 */
@ConfigurationProperties("chat.readiness")
public record ReadinessProperties(@DefaultValue List<String> requires) {
}
