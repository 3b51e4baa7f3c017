package org.chatline.realtime.presence;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code chat.realtime.presence.*}.
 *
 * @param ttl how long a connection counts in Redis without a heartbeat (a crashed instance's
 * connections stop counting after this)
 * @param heartbeat how often each instance refreshes its connections and sweeps expired users
 * @param grace how long a user stays online after the last socket closed (a page reload must not
 * flap)
 * @param partnersTtl how long a direct-message partnership is remembered for presence fan-out
 * @param instanceId this instance's id in connection entries; blank picks a random one
 */
@ConfigurationProperties("chat.realtime.presence")
public record PresenceProperties(@DefaultValue("30s") Duration ttl, @DefaultValue("10s") Duration heartbeat,
		@DefaultValue("5s") Duration grace, @DefaultValue("30d") Duration partnersTtl, String instanceId) {
}
