package org.chatline.realtime;

import org.chatline.realtime.forwarding.SocketRateLimitProperties;
import org.chatline.realtime.presence.PresenceProperties;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

@SpringBootApplication
@EnableConfigurationProperties({ RealtimeProperties.class, PresenceProperties.class, SocketRateLimitProperties.class })
public class RealtimeApplication {

	public static void main(String[] args) {
		SpringApplication.run(RealtimeApplication.class, args);
	}
}
