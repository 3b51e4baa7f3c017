package org.chatline.common.test;

import org.chatline.common.security.PublicKeySource;
import org.chatline.common.security.ServiceTokens;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;

/**
 * Makes the service under test trust {@link TestTokens} instead of auth-service's JWKS, and sign
 * its own calls to other services' {@code /internal/**} with a {@link TestTokens#service} token
 * (so stubs playing those services can check the credential; no client secret needed).
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestSecurityConfiguration {

	@Bean
	@Primary
	PublicKeySource testPublicKeySource() {
		return TestTokens.keySource();
	}

	@Bean
	@Primary
	ServiceTokens testServiceTokens(Environment environment) {
		String name = environment.getProperty("spring.application.name", "test-service");
		return () -> TestTokens.service(name);
	}
}
