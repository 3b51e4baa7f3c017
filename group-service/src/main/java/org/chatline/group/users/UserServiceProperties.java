package org.chatline.group.users;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code chat.group.user-service.*}: where user-service answers "does this user exist?" (a
 * load-balanced {@code http://user-service} by default). Timeouts are those of every internal
 * client, {@code chat.internal-clients.*}.
 */
@ConfigurationProperties("chat.group.user-service")
public record UserServiceProperties(@DefaultValue("http://user-service") String url) {
}
