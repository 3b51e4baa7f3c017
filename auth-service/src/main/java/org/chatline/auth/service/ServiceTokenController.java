package org.chatline.auth.service;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.chatline.common.api.ApiException;
import org.chatline.common.api.ErrorCode;
import org.chatline.common.api.ErrorResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The client-credentials grant (RFC 6749 section 4.4) for services: a service authenticates with its
 * name and secret (HTTP Basic) and gets a short-lived service token for other services'
 * {@code /internal/**}. The only internal endpoint that takes a secret instead of a token; never
 * routed by the gateway.
 */
@RestController
class ServiceTokenController {

	private static final Logger log = LoggerFactory.getLogger(ServiceTokenController.class);

	private final ServiceSecrets secrets;

	private final ServiceTokenIssuer issuer;

	private final FailedAttempts failures;

	ServiceTokenController(ServiceSecrets secrets, ServiceTokenIssuer issuer, FailedAttempts failures) {
		this.secrets = secrets;
		this.issuer = issuer;
		this.failures = failures;
	}

	@PostMapping(path = "/internal/service-tokens", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
	ResponseEntity<?> issue(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
			@RequestParam(name = "grant_type", required = false) String grantType, HttpServletRequest request) {
		String address = request.getRemoteAddr();
		long wait = this.failures.retryAfterSeconds(address);
		if (wait > 0) {
			return ResponseEntity.status(ErrorCode.RATE_LIMIT_EXCEEDED.status())
				.header(HttpHeaders.RETRY_AFTER, Long.toString(wait))
				.contentType(MediaType.APPLICATION_JSON)
				.body(ErrorResponse.of(ErrorCode.RATE_LIMIT_EXCEEDED,
						"Too many failed attempts, retry in " + wait + " seconds"));
		}
		if (!"client_credentials".equals(grantType)) {
			throw ApiException.validation("grant_type must be client_credentials");
		}
		String[] credentials = basic(authorization);
		if (credentials == null || !this.secrets.matches(credentials[0], credentials[1])) {
			this.failures.failed(address);
			log.warn("Refused a service token to {} from {}", credentials == null ? "(no credentials)" : credentials[0],
					address);
			throw ApiException.unauthorized("Invalid client credentials");
		}
		ServiceTokenIssuer.ServiceToken token = this.issuer.issue(credentials[0]);
		long expiresIn = Math.max(0, token.expiresAt().getEpochSecond() - java.time.Instant.now().getEpochSecond());
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.body(Map.of("access_token", token.value(), "token_type", "Bearer", "expires_in", expiresIn));
	}

	/** Name and secret of an {@code Authorization: Basic} header, or null. */
	private static String[] basic(String authorization) {
		if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
			return null;
		}
		try {
			String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
					StandardCharsets.UTF_8);
			int colon = decoded.indexOf(':');
			return colon <= 0 ? null : new String[] { decoded.substring(0, colon), decoded.substring(colon + 1) };
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}
}
