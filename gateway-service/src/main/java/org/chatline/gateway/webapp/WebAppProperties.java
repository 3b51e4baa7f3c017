package org.chatline.gateway.webapp;

import java.util.regex.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code chat.gateway.web-app.*}: the Jitsi domain the web client may frame (CSP {@code frame-src}
 * and the page's {@code chatline-jitsi-domain} meta tag); empty: calls open as a link, nothing is
 * framed.
 */
@ConfigurationProperties("chat.gateway.web-app")
public record WebAppProperties(@DefaultValue("") String jitsiDomain) {

	/** A host name with an optional port, nothing that could break out of a header or an attribute. */
	static final Pattern HOST = Pattern.compile("[A-Za-z0-9.-]{1,253}(:\\d{1,5})?");

	public WebAppProperties {
		if (!jitsiDomain.isEmpty() && !HOST.matcher(jitsiDomain).matches()) {
			throw new IllegalArgumentException("chat.gateway.web-app.jitsi-domain must be a host name, was: " + jitsiDomain);
		}
	}
}
