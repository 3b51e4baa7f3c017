package org.chatline.auth.keys;

import java.nio.file.Path;
import java.security.Key;

import io.jsonwebtoken.security.Jwk;
import io.jsonwebtoken.security.JwkSet;
import io.jsonwebtoken.security.Jwks;
import org.chatline.auth.TestAuthProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class JwksControllerTests {

	@TempDir
	Path dir;

	@Test
	void publishesOnlyThePublicKeyInAFormJwksParsersRead() {
		SigningKeys keys = SigningKeyLoader.load(TestAuthProperties.generatedKeyIn(dir));
		String json = JsonMapper.builder().build().writeValueAsString(new JwksController(keys).jwks().getBody());

		JwkSet set = Jwks.setParser().build().parse(json);

		assertThat(set.getKeys()).hasSize(1);
		Jwk<?> jwk = set.getKeys().iterator().next();
		Key key = jwk.toKey();
		assertThat(jwk.getId()).isEqualTo(keys.kid());
		assertThat(key).isEqualTo(keys.publicKey());
		assertThat(json).doesNotContain("\"d\"").doesNotContain("\"p\"").contains("\"use\":\"sig\"");
	}
}
