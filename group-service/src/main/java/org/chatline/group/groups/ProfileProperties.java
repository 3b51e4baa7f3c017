package org.chatline.group.groups;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code chat.profiles.*}: whether a group cover URL may be plain {@code http://} (development
 * only); otherwise only {@code https://}. The same key as user-service's avatars.
 */
@ConfigurationProperties("chat.profiles")
public record ProfileProperties(@DefaultValue("false") boolean allowHttpUrls) {
}
