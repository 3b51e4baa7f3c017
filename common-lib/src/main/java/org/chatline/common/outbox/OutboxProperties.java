package org.chatline.common.outbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code chat.outbox.*}: how many events the relay publishes per batch and how often it polls. */
@ConfigurationProperties("chat.outbox")
public record OutboxProperties(@DefaultValue("500") int batchSize, @DefaultValue("500ms") Duration pollInterval) {
}
