package org.chatline.common.outbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code chat.outbox.*}: how many events the relay publishes per batch and how often it polls; how
 * long consumers remember a handled event id ({@code processed-retention}, far beyond any Kafka
 * redelivery) and how often they forget older ones ({@code purge-interval}).
 */
@ConfigurationProperties("chat.outbox")
public record OutboxProperties(@DefaultValue("500") int batchSize, @DefaultValue("500ms") Duration pollInterval,
		@DefaultValue("7d") Duration processedRetention, @DefaultValue("1h") Duration purgeInterval) {
}
