package org.chatline.auth.keys;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.KeyPair;
import java.security.interfaces.RSAPrivateKey;

import org.chatline.auth.TestAuthProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SigningKeyLoaderTests {

	@TempDir
	Path dir;

	@Test
	void generatesAKeyOnceAndKeepsItAcrossRestarts() throws Exception {
		SigningKeys first = SigningKeyLoader.load(TestAuthProperties.generatedKeyIn(dir));
		SigningKeys second = SigningKeyLoader.load(TestAuthProperties.generatedKeyIn(dir));

		Path file = dir.resolve(SigningKeyLoader.GENERATED_KEY_FILE);
		assertThat(file).exists();
		assertThat(Files.readString(file)).startsWith("-----BEGIN PRIVATE KEY-----");
		assertThat(Files.getPosixFilePermissions(file)).containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ,
				PosixFilePermission.OWNER_WRITE);
		assertThat(second.kid()).isEqualTo(first.kid());
		assertThat(second.publicKey()).isEqualTo(first.publicKey());
		assertThat(first.find(first.kid())).contains(first.publicKey());
		assertThat(first.find("other")).isEmpty();
	}

	@Test
	void usesAConfiguredKeyFileAndItsThumbprintAsKid() throws Exception {
		KeyPair pair = SigningKeyLoader.generate();
		Path file = dir.resolve("mounted.pem");
		Files.writeString(file, SigningKeyLoader.toPem((RSAPrivateKey) pair.getPrivate()));

		SigningKeys keys = SigningKeyLoader.load(TestAuthProperties.keys("", file.toString(), "", dir, false));

		assertThat(keys.publicKey()).isEqualTo(pair.getPublic());
		assertThat(keys.kid()).isEqualTo(SigningKeyLoader.thumbprint(keys.publicKey())).isNotBlank();
		assertThat(dir.resolve(SigningKeyLoader.GENERATED_KEY_FILE)).doesNotExist();
	}

	@Test
	void prefersConfiguredPemTextAndAConfiguredKid() {
		KeyPair pair = SigningKeyLoader.generate();
		String pem = SigningKeyLoader.toPem((RSAPrivateKey) pair.getPrivate());

		SigningKeys keys = SigningKeyLoader.load(TestAuthProperties.keys(pem, "/does/not/exist", "key-2025", dir, true));

		assertThat(keys.kid()).isEqualTo("key-2025");
		assertThat(keys.privateKey()).isEqualTo(pair.getPrivate());
	}

	@Test
	void refusesToStartWithoutAKeyWhenGenerationIsOff() {
		assertThatThrownBy(() -> SigningKeyLoader.load(TestAuthProperties.keys("", "", "", dir, false)))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("chat.auth.private-key-path");
	}

	@Test
	void refusesAKeyThatIsNotPkcs8Rsa() {
		assertThatThrownBy(() -> SigningKeyLoader.parsePem("-----BEGIN PRIVATE KEY-----\nbm9wZQ==\n-----END PRIVATE KEY-----"))
			.isInstanceOf(IllegalStateException.class);
		assertThatThrownBy(() -> SigningKeyLoader.parsePem("-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----"))
			.hasMessageContaining("PKCS#8");
	}
}
