package org.chatline.group.users;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code chat.group.user-service.*}: where user-service answers "does this user exist?" (a
 * load-balanced {@code http://user-service} by default) and how long to wait for it.
 */
@ConfigurationProperties("chat.group.user-service")
public record UserServiceProperties(@DefaultValue("http://user-service") String url,
		@DefaultValue("1s") Duration connectTimeout, @DefaultValue("3s") Duration readTimeout) {
}
