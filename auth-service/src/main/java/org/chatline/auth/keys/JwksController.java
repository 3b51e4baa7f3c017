package org.chatline.auth.keys;

import java.util.List;
import java.util.Map;

import io.jsonwebtoken.security.Jwks;
import io.jsonwebtoken.security.RsaPublicJwk;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The public signing key for every verifier (gateway and services); internal, not routed by the gateway. */
@RestController
class JwksController {

	private final Map<String, Object> jwks;

	JwksController(SigningKeys keys) {
		RsaPublicJwk jwk = Jwks.builder()
			.key(keys.publicKey())
			.id(keys.kid())
			.publicKeyUse("sig")
			.algorithm("RS256")
			.build();
		// A plain JSON object with only the public parameters (kty, kid, use, alg, n, e).
		this.jwks = Map.of("keys", List.of(Map.copyOf(jwk)));
	}

	@GetMapping("/.well-known/jwks.json")
	ResponseEntity<Map<String, Object>> jwks() {
		return ResponseEntity.ok().cacheControl(CacheControl.maxAge(java.time.Duration.ofMinutes(5))).body(jwks);
	}
}
