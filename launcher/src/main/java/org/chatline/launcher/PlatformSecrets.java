package org.chatline.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The platform's own secrets for a local run: the master secret every service's credential for
 * {@code /internal/**} is derived from, the registry's password and call-service's Jitsi secret.
 * Taken from the environment ({@code CHAT_SERVICE_MASTER_SECRET}, {@code EUREKA_USERNAME},
 * {@code EUREKA_PASSWORD}, {@code JWT_APP_SECRET}) when set,
 * else generated once (256 random bits) and kept under {@code <data dir>/secrets/}, readable by
 * the owner only, so restarts keep them. See docs/adr/0002-service-authentication.md.
 */
final class PlatformSecrets {

	static final String MASTER_FILE = "service-master-secret";

	static final String EUREKA_FILE = "eureka-password";

	static final String JITSI_FILE = "jitsi-app-secret";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final String masterSecret;

	private final String eurekaUsername;

	private final String eurekaPassword;

	private final String jitsiAppSecret;

	private PlatformSecrets(String masterSecret, String eurekaUsername, String eurekaPassword, String jitsiAppSecret) {
		this.masterSecret = masterSecret;
		this.eurekaUsername = eurekaUsername;
		this.eurekaPassword = eurekaPassword;
		this.jitsiAppSecret = jitsiAppSecret;
	}

	static PlatformSecrets load(Path dataDir, Map<String, String> env) {
		Path dir = dataDir.resolve("secrets");
		try {
			String master = nonBlank(env.get("CHAT_SERVICE_MASTER_SECRET"));
			String password = nonBlank(env.get("EUREKA_PASSWORD"));
			String username = nonBlank(env.get("EUREKA_USERNAME"));
			String jitsi = nonBlank(env.get("JWT_APP_SECRET"));
			return new PlatformSecrets(master != null ? master : stored(dir, MASTER_FILE),
					username != null ? username : "eureka", password != null ? password : stored(dir, EUREKA_FILE),
					jitsi != null ? jitsi : stored(dir, JITSI_FILE));
		}
		catch (IOException ex) {
			throw new Platform.PlatformException("Cannot read or create the platform's secrets in " + dir + ": " + ex.getMessage(),
					ex);
		}
	}

	String masterSecret() {
		return this.masterSecret;
	}

	String eurekaUsername() {
		return this.eurekaUsername;
	}

	String eurekaPassword() {
		return this.eurekaPassword;
	}

	/**
	 * call-service's secret for signing Jitsi room tokens ({@code JWT_APP_SECRET}): the one of a
	 * self-hosted Jitsi when set, else generated (call-service has no built-in one outside the dev profile).
	 */
	String jitsiAppSecret() {
		return this.jitsiAppSecret;
	}

	/** {@code base64url(HMAC-SHA256(master, serviceName))}: what auth-service expects from that service. */
	String serviceSecret(String serviceName) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(this.masterSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return Base64.getUrlEncoder()
				.withoutPadding()
				.encodeToString(mac.doFinal(serviceName.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 unavailable", ex);
		}
	}

	/** Eureka's URL with the registry's credentials, as every client needs it. */
	String eurekaUrl(int port) {
		return "http://" + this.eurekaUsername + ":" + this.eurekaPassword + "@127.0.0.1:" + port + "/eureka/";
	}

	/** The secret kept in {@code dir/name}, created (owner-only) with 256 random bits on first use. */
	private static String stored(Path dir, String name) throws IOException {
		Path file = dir.resolve(name);
		if (!Files.exists(file)) {
			createOwnerOnlyDirectory(dir);
			byte[] bytes = new byte[32];
			RANDOM.nextBytes(bytes);
			String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
			Path temp = Files.createTempFile(dir, name, ".tmp");
			ownerOnly(temp, "rw-------");
			Files.writeString(temp, secret + "\n");
			try {
				Files.move(temp, file);
			}
			catch (FileAlreadyExistsException ex) {
				// Another launcher won the race: use its secret.
				Files.deleteIfExists(temp);
			}
		}
		ownerOnly(file, "rw-------");
		String secret = Files.readString(file).trim();
		if (secret.isEmpty()) {
			throw new IOException(file + " is empty: delete it and start again");
		}
		return secret;
	}

	private static void createOwnerOnlyDirectory(Path dir) throws IOException {
		Files.createDirectories(dir);
		ownerOnly(dir, "rwx------");
	}

	private static void ownerOnly(Path path, String permissions) throws IOException {
		try {
			Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
		}
		catch (UnsupportedOperationException ex) {
			// Not a POSIX file system (Windows): the folder's own access rules apply.
		}
	}

	private static String nonBlank(String value) {
		return (value == null || value.isBlank()) ? null : value.trim();
	}
}
