package org.chatline.gateway.ratelimit;

import java.util.List;

import org.chatline.common.ratelimit.RateLimitBuckets.Rule;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code chat.gateway.rate-limits.*}: the contract's limits, each overridable by environment
 * variable (see application.yml), and the proxies whose {@code X-Forwarded-For} is believed.
 * {@code handshake} is not in the contract: new Socket.IO sessions per client address, generous
 * enough for many real users behind one NAT, low enough that one address cannot open sessions
 * without end.
 */
@ConfigurationProperties("chat.gateway.rate-limits")
public record RateLimitProperties(@DefaultValue("true") boolean enabled, @DefaultValue("rl") String keyPrefix,
		@DefaultValue({ "5", "15m" }) Rule auth, @DefaultValue({ "30", "1m" }) Rule messages,
		@DefaultValue({ "100", "15m" }) Rule general, @DefaultValue({ "60", "1m" }) Rule handshake,
		@DefaultValue List<String> trustedProxies) {
}
