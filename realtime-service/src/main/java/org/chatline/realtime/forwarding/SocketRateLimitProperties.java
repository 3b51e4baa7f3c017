package org.chatline.realtime.forwarding;

import org.chatline.common.ratelimit.RateLimitBuckets;
import org.chatline.common.ratelimit.RateLimitBuckets.Rule;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code chat.realtime.rate-limits.*}: the gateway's REST limits, read from the same environment
 * variables (see application.yml), applied to socket writes in the same Redis buckets. The key
 * prefix must be the gateway's ({@code chat.gateway.rate-limits.key-prefix}).
 */
@ConfigurationProperties("chat.realtime.rate-limits")
public record SocketRateLimitProperties(@DefaultValue("true") boolean enabled,
		@DefaultValue(RateLimitBuckets.DEFAULT_PREFIX) String keyPrefix, @DefaultValue({ "30", "1m" }) Rule messages,
		@DefaultValue({ "100", "15m" }) Rule general) {
}
