package org.chatline.user.directory;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code chat.profiles.*}: whether an avatar URL may be plain {@code http://} (development only,
 * e.g. images served from localhost); otherwise only {@code https://}.
 */
@ConfigurationProperties("chat.profiles")
public record ProfileProperties(@DefaultValue("false") boolean allowHttpUrls) {
}
