package org.chatline.common.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.Key;
import java.security.PublicKey;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import io.jsonwebtoken.security.Jwk;
import io.jsonwebtoken.security.JwkSet;
import io.jsonwebtoken.security.Jwks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Public keys fetched from auth-service's JWKS and cached by {@code kid}. An unknown {@code kid}
 * triggers a refetch, at most once per {@link #MIN_REFRESH} so a flood of forged kids cannot turn
 * into a flood of JWKS requests.
 */
public class JwksKeySource implements PublicKeySource {

	private static final Logger log = LoggerFactory.getLogger(JwksKeySource.class);

	static final Duration MIN_REFRESH = Duration.ofSeconds(10);

	static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(1);

	private final URI jwksUri;

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(2))
		.build();

	private volatile Map<String, PublicKey> keys = Map.of();

	/** Guarded by {@code this}: no JWKS request before this moment (rate limit for unknown kids). */
	private long nextFetchNanos = System.nanoTime();

	public JwksKeySource(URI jwksUri) {
		this.jwksUri = jwksUri;
	}

	@Override
	public Optional<PublicKey> find(String kid) {
		PublicKey key = keys.get(kid);
		if (key != null) {
			return Optional.of(key);
		}
		// One fetch at a time; callers that waited see its result instead of failing meanwhile.
		synchronized (this) {
			key = keys.get(kid);
			if (key == null && System.nanoTime() >= nextFetchNanos) {
				refresh();
				key = keys.get(kid);
			}
		}
		return Optional.ofNullable(key);
	}

	/** Fetches the JWKS; after a success waits {@link #MIN_REFRESH} before the next, after a failure 1 s. */
	private void refresh() {
		nextFetchNanos = System.nanoTime() + RETRY_AFTER_FAILURE.toNanos();
		try {
			HttpResponse<String> response = http.send(
					HttpRequest.newBuilder(jwksUri).timeout(Duration.ofSeconds(3)).GET().build(),
					HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				log.warn("JWKS {} answered {}", jwksUri, response.statusCode());
				return;
			}
			JwkSet set = Jwks.setParser().build().parse(response.body());
			Map<String, PublicKey> fresh = new HashMap<>();
			for (Jwk<?> jwk : set) {
				Key key = jwk.toKey();
				if (jwk.getId() != null && key instanceof PublicKey publicKey) {
					fresh.put(jwk.getId(), publicKey);
				}
			}
			keys = Map.copyOf(fresh);
			nextFetchNanos = System.nanoTime() + MIN_REFRESH.toNanos();
		}
		catch (Exception ex) {
			if (ex instanceof InterruptedException) {
				Thread.currentThread().interrupt();
			}
			log.warn("Could not fetch JWKS from {}: {}", jwksUri, ex.toString());
		}
	}
}
