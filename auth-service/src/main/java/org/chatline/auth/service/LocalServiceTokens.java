package org.chatline.auth.service;

import java.time.Clock;
import java.time.Duration;

import org.chatline.common.security.ServiceTokens;

/** auth-service's own token for calling user-service: minted here, no round trip to itself. */
class LocalServiceTokens implements ServiceTokens {

	private final ServiceTokenIssuer issuer;

	private final String serviceName;

	private final Duration refreshBefore;

	private final Clock clock;

	private volatile ServiceTokenIssuer.ServiceToken cached;

	LocalServiceTokens(ServiceTokenIssuer issuer, String serviceName, Duration refreshBefore, Clock clock) {
		this.issuer = issuer;
		this.serviceName = serviceName;
		this.refreshBefore = refreshBefore;
		this.clock = clock;
	}

	@Override
	public String current() {
		ServiceTokenIssuer.ServiceToken token = this.cached;
		if (token == null || !this.clock.instant().isBefore(token.expiresAt().minus(this.refreshBefore))) {
			token = this.issuer.issue(this.serviceName);
			this.cached = token;
		}
		return token.value();
	}

	@Override
	public void invalidate() {
		this.cached = null;
	}
}
