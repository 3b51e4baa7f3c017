package org.chatline.realtime.events;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ContainerCustomizer;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;

/**
 * Offsets are committed without waiting for the broker. A synchronous commit after every poll cost
 * about 8 ms of the consumer thread per batch under load, and every push arriving meanwhile waited
 * for it. Nothing depends on these offsets being exact: a fresh instance starts at the latest
 * offset, redeliveries are dropped by event id, and clients catch up through the API.
 */
@Configuration(proxyBeanMethods = false)
class ConsumerCommitConfiguration {

	@Bean
	ContainerCustomizer<Object, Object, ConcurrentMessageListenerContainer<Object, Object>> asyncOffsetCommits() {
		return container -> container.getContainerProperties().setSyncCommits(false);
	}
}
