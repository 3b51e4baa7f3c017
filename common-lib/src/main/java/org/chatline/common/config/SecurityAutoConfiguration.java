package org.chatline.common.config;

import org.chatline.common.security.JwksKeySource;
import org.chatline.common.security.JwtVerifier;
import org.chatline.common.security.PublicKeySource;
import org.chatline.common.security.SecurityProperties;
import org.chatline.common.security.ServiceTokenVerifier;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Token verification against auth-service's JWKS, for servlet services and the gateway alike: users'
 * access tokens and services' tokens, each with its own audience.
 */
@AutoConfiguration
@EnableConfigurationProperties(SecurityProperties.class)
public class SecurityAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	PublicKeySource publicKeySource(SecurityProperties properties) {
		return new JwksKeySource(properties.jwksUri());
	}

	@Bean
	@ConditionalOnMissingBean
	JwtVerifier jwtVerifier(PublicKeySource keys, SecurityProperties properties) {
		return new JwtVerifier(keys, properties.issuer(), properties.audience());
	}

	@Bean
	@ConditionalOnMissingBean
	ServiceTokenVerifier serviceTokenVerifier(PublicKeySource keys, SecurityProperties properties) {
		return new ServiceTokenVerifier(keys, properties.issuer(), properties.internalAudience());
	}
}
