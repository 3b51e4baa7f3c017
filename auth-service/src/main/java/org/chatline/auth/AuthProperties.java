package org.chatline.auth;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code chat.auth.*}.
 *
 * @param privateKey the RS256 signing key as PKCS#8 PEM text (a mounted secret's content), or empty
 * @param privateKeyPath a PKCS#8 PEM file holding the signing key, or empty
 * @param keyId the {@code kid} to publish; empty means the key's RFC 7638 thumbprint
 * @param keyDir where a generated development key is kept so restarts keep tokens valid
 * @param generateKey whether to generate (and persist in {@code keyDir}) a key when none is configured
 * @param accessTokenTtl lifetime of access tokens
 * @param refreshTokenTtl lifetime of refresh tokens
 * @param bcryptStrength BCrypt cost factor (10 or more)
 */
@ConfigurationProperties("chat.auth")
public record AuthProperties(@DefaultValue("") String privateKey, @DefaultValue("") String privateKeyPath,
		@DefaultValue("") String keyId, @DefaultValue("./.data/auth") Path keyDir,
		@DefaultValue("true") boolean generateKey, @DefaultValue("15m") Duration accessTokenTtl,
		@DefaultValue("7d") Duration refreshTokenTtl, @DefaultValue("10") int bcryptStrength) {

	public AuthProperties {
		if (bcryptStrength < 10 || bcryptStrength > 31) {
			throw new IllegalArgumentException("chat.auth.bcrypt-strength must be between 10 and 31");
		}
	}
}
