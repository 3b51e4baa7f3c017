package org.chatline.common.security;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import com.fasterxml.jackson.annotation.JsonProperty;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Service tokens from auth-service's client-credentials endpoint (RFC 6749 section 4.4, client
 * authenticated with HTTP Basic), cached until shortly before they expire so a busy service asks
 * about once per token lifetime.
 */
public class ClientCredentialsServiceTokens implements ServiceTokens {

	private final RestClient http;

	private final ServiceAuthProperties properties;

	private final String basic;

	private final Clock clock;

	private record Cached(String token, Instant refreshAt) {
	}

	private volatile Cached cached;

	public ClientCredentialsServiceTokens(RestClient http, ServiceAuthProperties properties) {
		this(http, properties, Clock.systemUTC());
	}

	ClientCredentialsServiceTokens(RestClient http, ServiceAuthProperties properties, Clock clock) {
		if (properties.clientId().isBlank()) {
			throw new IllegalStateException("chat.service-auth.client-id (spring.application.name) is not set");
		}
		if (properties.clientSecret().isBlank()) {
			throw new IllegalStateException(properties.clientId() + " has no service secret: set CHAT_SERVICE_SECRET "
					+ "(chat.service-auth.client-secret), without it no call to another service's /internal API works");
		}
		this.http = http;
		this.properties = properties;
		this.clock = clock;
		this.basic = "Basic " + Base64.getEncoder()
			.encodeToString((properties.clientId() + ":" + properties.clientSecret()).getBytes(StandardCharsets.UTF_8));
	}

	@Override
	public String current() {
		Cached known = this.cached;
		if (known != null && this.clock.instant().isBefore(known.refreshAt())) {
			return known.token();
		}
		synchronized (this) {
			known = this.cached;
			if (known == null || !this.clock.instant().isBefore(known.refreshAt())) {
				known = fetch();
				this.cached = known;
			}
			return known.token();
		}
	}

	@Override
	public void invalidate() {
		this.cached = null;
	}

	private Cached fetch() {
		TokenResponse response;
		try {
			response = this.http.post()
				.uri(this.properties.tokenUri())
				.header(HttpHeaders.AUTHORIZATION, this.basic)
				.contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.body("grant_type=client_credentials")
				.retrieve()
				.body(TokenResponse.class);
		}
		catch (RestClientException | IllegalStateException ex) {
			// IllegalStateException: no instance of auth-service known yet.
			throw new IllegalStateException("Cannot get a service token from " + this.properties.tokenUri() + ": "
					+ ex.getMessage(), ex);
		}
		if (response == null || response.accessToken() == null) {
			throw new IllegalStateException("No service token in auth-service's answer");
		}
		long lifetime = Math.max(response.expiresIn(), 1);
		Duration early = this.properties.refreshBefore();
		// A lifetime shorter than the margin: keep the token for half of it rather than not at all.
		Duration keep = Duration.ofSeconds(lifetime).compareTo(early.multipliedBy(2)) > 0
				? Duration.ofSeconds(lifetime).minus(early) : Duration.ofSeconds(lifetime / 2);
		return new Cached(response.accessToken(), this.clock.instant().plus(keep));
	}

	/** The OAuth 2.0 token response. */
	record TokenResponse(@JsonProperty("access_token") String accessToken,
			@JsonProperty("token_type") String tokenType, @JsonProperty("expires_in") long expiresIn) {
	}
}
