package org.chatline.auth.keys;

import java.security.PublicKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Optional;

import org.chatline.common.security.PublicKeySource;

/**
 * auth-service's RS256 key pair and its {@code kid}. It signs every token and is also the only key
 * auth-service trusts when it verifies tokens itself (no JWKS round trip to itself).
 */
public final class SigningKeys implements PublicKeySource {

	private final String kid;

	private final RSAPrivateKey privateKey;

	private final RSAPublicKey publicKey;

	SigningKeys(String kid, RSAPrivateKey privateKey, RSAPublicKey publicKey) {
		this.kid = kid;
		this.privateKey = privateKey;
		this.publicKey = publicKey;
	}

	public String kid() {
		return kid;
	}

	public RSAPrivateKey privateKey() {
		return privateKey;
	}

	public RSAPublicKey publicKey() {
		return publicKey;
	}

	@Override
	public Optional<PublicKey> find(String kid) {
		return this.kid.equals(kid) ? Optional.of(publicKey) : Optional.empty();
	}
}
