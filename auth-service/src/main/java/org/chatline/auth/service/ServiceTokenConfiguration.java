package org.chatline.auth.service;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;

import org.chatline.auth.keys.SigningKeys;
import org.chatline.common.security.SecurityProperties;
import org.chatline.common.security.ServiceTokens;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Service tokens: issued to the other services on request, and minted locally for auth-service's own
 * calls (this {@link ServiceTokens} makes common-lib's client-credentials client back off).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ServiceTokenProperties.class)
class ServiceTokenConfiguration {

	@Bean
	ServiceTokenIssuer serviceTokenIssuer(SigningKeys keys, SecurityProperties security,
			ServiceTokenProperties properties) {
		return new ServiceTokenIssuer(keys, security.issuer(), security.internalAudience(), properties.ttl(),
				Clock.systemUTC());
	}

	@Bean
	ServiceSecrets serviceSecrets(ServiceTokenProperties properties) {
		return new ServiceSecrets(properties.masterSecret(), Set.copyOf(properties.clients()));
	}

	@Bean
	FailedAttempts serviceTokenFailures(ServiceTokenProperties properties) {
		return new FailedAttempts(properties.maxFailures(), properties.failureWindow(), Clock.systemUTC());
	}

	@Bean
	ServiceTokens localServiceTokens(ServiceTokenIssuer issuer, Environment environment) {
		return new LocalServiceTokens(issuer, environment.getProperty("spring.application.name", "auth-service"),
				Duration.ofSeconds(60), Clock.systemUTC());
	}
}
