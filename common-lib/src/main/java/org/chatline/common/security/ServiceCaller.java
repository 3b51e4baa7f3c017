package org.chatline.common.security;

import java.util.Set;

import org.chatline.common.api.ApiException;

/** The service behind a call to {@code /internal/**}, as proven by a verified service token. */
public record ServiceCaller(String name) {

	/**
	 * Refuses the call (403) unless it comes from one of {@code services}: an endpoint that only one
	 * service has a reason to call (deleting an account, say) says so, so a leaked credential of
	 * another service cannot use it.
	 */
	public ServiceCaller require(String... services) {
		if (!Set.of(services).contains(this.name)) {
			throw ApiException.forbidden("Not allowed for service " + this.name);
		}
		return this;
	}
}
