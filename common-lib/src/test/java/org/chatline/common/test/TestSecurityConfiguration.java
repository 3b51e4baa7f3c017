package org.chatline.common.test;

import org.chatline.common.security.PublicKeySource;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Makes the service under test trust {@link TestTokens} instead of auth-service's JWKS. */
@TestConfiguration(proxyBeanMethods = false)
public class TestSecurityConfiguration {

	@Bean
	@Primary
	PublicKeySource testPublicKeySource() {
		return TestTokens.keySource();
	}
}
