package org.chatline.auth.keys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;

import io.jsonwebtoken.security.Jwks;
import org.chatline.auth.AuthProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the signing key: PEM text from configuration, else a PEM file from configuration, else (in
 * development) a key generated once and kept in {@code chat.auth.key-dir}.
 */
public final class SigningKeyLoader {

	static final String GENERATED_KEY_FILE = "signing-key.pem";

	private static final Logger log = LoggerFactory.getLogger(SigningKeyLoader.class);

	private SigningKeyLoader() {
	}

	public static SigningKeys load(AuthProperties properties) {
		RSAPrivateCrtKey key;
		if (!properties.privateKey().isBlank()) {
			key = parsePem(properties.privateKey());
		}
		else if (!properties.privateKeyPath().isBlank()) {
			key = parsePem(read(Path.of(properties.privateKeyPath())));
		}
		else if (properties.generateKey()) {
			key = loadOrGenerate(properties.keyDir().resolve(GENERATED_KEY_FILE));
		}
		else {
			throw new IllegalStateException(
					"No signing key: set chat.auth.private-key or chat.auth.private-key-path, or enable chat.auth.generate-key");
		}
		RSAPublicKey publicKey = publicKeyOf(key);
		String kid = properties.keyId().isBlank() ? thumbprint(publicKey) : properties.keyId();
		return new SigningKeys(kid, key, publicKey);
	}

	static RSAPrivateCrtKey loadOrGenerate(Path file) {
		if (Files.exists(file)) {
			return parsePem(read(file));
		}
		KeyPair pair = generate();
		try {
			Files.createDirectories(file.getParent());
			Path temp = Files.createTempFile(file.getParent(), "signing-key", ".tmp");
			restrictToOwner(temp);
			Files.writeString(temp, toPem((RSAPrivateKey) pair.getPrivate()), StandardCharsets.US_ASCII);
			try {
				// No REPLACE_EXISTING: when two instances start at once, the first key written wins
				// and the other instance adopts it.
				Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
			}
			catch (FileAlreadyExistsException ex) {
				Files.deleteIfExists(temp);
				return parsePem(read(file));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot persist the generated signing key to " + file, ex);
		}
		log.warn("Generated a new RS256 signing key at {} (development only: configure chat.auth.private-key-path in production)",
				file.toAbsolutePath());
		return (RSAPrivateCrtKey) pair.getPrivate();
	}

	static KeyPair generate() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			return generator.generateKeyPair();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String toPem(RSAPrivateKey key) {
		String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
			.encodeToString(key.getEncoded());
		return "-----BEGIN PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY-----\n";
	}

	/** Parses an unencrypted PKCS#8 RSA private key ({@code -----BEGIN PRIVATE KEY-----}). */
	static RSAPrivateCrtKey parsePem(String pem) {
		if (pem.contains("BEGIN RSA PRIVATE KEY") || pem.contains("ENCRYPTED")) {
			throw new IllegalStateException(
					"The signing key must be an unencrypted PKCS#8 PEM (openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048)");
		}
		String base64 = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
		try {
			byte[] der = Base64.getDecoder().decode(base64);
			if (KeyFactory.getInstance("RSA")
				.generatePrivate(new PKCS8EncodedKeySpec(der)) instanceof RSAPrivateCrtKey key) {
				if (key.getModulus().bitLength() < 2048) {
					throw new IllegalStateException("The signing key must have at least 2048 bits");
				}
				return key;
			}
			throw new IllegalStateException("The signing key must be an RSA private key with CRT parameters");
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			throw new IllegalStateException("The signing key is not a valid PKCS#8 RSA private key", ex);
		}
	}

	static RSAPublicKey publicKeyOf(RSAPrivateCrtKey key) {
		try {
			return (RSAPublicKey) KeyFactory.getInstance("RSA")
				.generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String thumbprint(RSAPublicKey key) {
		return Jwks.builder().key(key).idFromThumbprint().build().getId();
	}

	private static String read(Path file) {
		try {
			return Files.readString(file, StandardCharsets.US_ASCII);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the signing key from " + file, ex);
		}
	}

	private static void restrictToOwner(Path file) throws IOException {
		try {
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
		}
		catch (UnsupportedOperationException ex) {
			// Not a POSIX file system: nothing more we can do portably.
		}
	}
}
