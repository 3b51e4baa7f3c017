package org.chatline.auth.keys;

import org.chatline.auth.AuthProperties;
import org.chatline.common.security.JwtVerifier;
import org.chatline.common.security.SecurityProperties;
import org.chatline.common.security.ServiceTokenVerifier;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * auth-service verifies tokens with its own key. Declaring {@link SigningKeys} (a
 * {@code PublicKeySource}) makes common-lib's JWKS-fetching key source back off; declaring the
 * {@link JwtVerifier} and {@link ServiceTokenVerifier} here, bound to {@link SigningKeys} by type, makes sure no other
 * {@code PublicKeySource} (such as the test key that {@code @ServiceIT} marks {@code @Primary}) is
 * ever trusted by auth-service.
 */
@Configuration(proxyBeanMethods = false)
class KeyConfiguration {

	@Bean
	SigningKeys signingKeys(AuthProperties properties) {
		return SigningKeyLoader.load(properties);
	}

	@Bean
	JwtVerifier jwtVerifier(SigningKeys keys, SecurityProperties security) {
		return new JwtVerifier(keys, security.issuer(), security.audience());
	}

	@Bean
	ServiceTokenVerifier serviceTokenVerifier(SigningKeys keys, SecurityProperties security) {
		return new ServiceTokenVerifier(keys, security.issuer(), security.internalAudience());
	}
}
