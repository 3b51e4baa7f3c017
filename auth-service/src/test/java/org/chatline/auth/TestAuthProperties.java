package org.chatline.auth;

import java.nio.file.Path;
import java.time.Duration;

/** {@link AuthProperties} with the defaults of application.yml, for tests without Spring. */
public final class TestAuthProperties {

	private TestAuthProperties() {
	}

	public static AuthProperties generatedKeyIn(Path keyDir) {
		return keys("", "", "", keyDir, true);
	}

	public static AuthProperties keys(String privateKey, String privateKeyPath, String keyId, Path keyDir,
			boolean generate) {
		return new AuthProperties(privateKey, privateKeyPath, keyId, keyDir, generate, Duration.ofMinutes(15),
				Duration.ofDays(7), 10);
	}
}
