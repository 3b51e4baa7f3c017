package org.chatline.auth.service;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Set;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Every service's client secret is {@code base64url(HMAC-SHA256(master, serviceName))}: auth-service
 * keeps one master secret instead of a list, and each service is given only its own secret, which
 * says nothing about any other's (see docs/adr/0002-service-authentication.md).
 */
public final class ServiceSecrets {

	private final byte[] master;

	private final Set<String> clients;

	public ServiceSecrets(String masterSecret, Set<String> clients) {
		this.master = masterSecret.getBytes(StandardCharsets.UTF_8);
		this.clients = Set.copyOf(clients);
	}

	/** The secret of {@code serviceName}, as the launcher and deployers compute it. */
	public static String derive(String masterSecret, String serviceName) {
		return new ServiceSecrets(masterSecret, Set.of()).secretOf(serviceName);
	}

	/** Whether {@code secret} is the secret of {@code serviceName}, a known client (in constant time). */
	public boolean matches(String serviceName, String secret) {
		if (serviceName == null || secret == null || !this.clients.contains(serviceName)) {
			return false;
		}
		return MessageDigest.isEqual(secretOf(serviceName).getBytes(StandardCharsets.UTF_8),
				secret.getBytes(StandardCharsets.UTF_8));
	}

	private String secretOf(String serviceName) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(this.master, "HmacSHA256"));
			byte[] digest = mac.doFinal(serviceName.getBytes(StandardCharsets.UTF_8));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 unavailable", ex);
		}
	}
}
