package org.chatline.realtime.socket;

import java.nio.charset.StandardCharsets;

import org.chatline.common.security.RevokedSessions;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;

/**
 * Every instance subscribes to the sessions auth-service ends ({@link RevokedSessions#CHANNEL}) and
 * ends its own sockets of them at once. The container resubscribes after a Redis outage; what was
 * published meanwhile is found by {@link SessionSweep}.
 */
@Configuration(proxyBeanMethods = false)
class RevokedSessionsSubscription {

	@Bean
	RedisMessageListenerContainer revokedSessionsListener(RedisConnectionFactory connections, SessionEnder ender) {
		RedisMessageListenerContainer container = new RedisMessageListenerContainer();
		container.setConnectionFactory(connections);
		container.addMessageListener((message, pattern) -> ender
			.endSessions(RevokedSessions.sessionIds(new String(message.getBody(), StandardCharsets.UTF_8))),
				new ChannelTopic(RevokedSessions.CHANNEL));
		return container;
	}
}
