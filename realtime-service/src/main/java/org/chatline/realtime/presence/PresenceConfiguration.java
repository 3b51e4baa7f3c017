package org.chatline.realtime.presence;

import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;

import org.chatline.common.events.EventCodec;
import org.chatline.realtime.socket.SocketEmitter;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.util.StringUtils;

@Configuration(proxyBeanMethods = false)
class PresenceConfiguration {

	@Bean
	PresenceTracker presenceTracker(StringRedisTemplate redis, KafkaTemplate<String, String> kafka, EventCodec codec,
			ScheduledExecutorService realtimeScheduler, PresenceProperties properties, SocketEmitter sockets) {
		String instanceId = StringUtils.hasText(properties.instanceId()) ? properties.instanceId()
				: UUID.randomUUID().toString();
		return new PresenceTracker(new PresenceStore(redis), new PresencePublisher(kafka, codec), realtimeScheduler,
				properties, instanceId, Clock.systemUTC(), sockets::isConnected);
	}
}
