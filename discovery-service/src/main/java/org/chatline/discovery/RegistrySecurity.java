package org.chatline.discovery;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Registering, reading the registry and the dashboard all need the registry's credentials (HTTP
 * Basic): otherwise anyone who reaches the port could register a rogue AUTH-SERVICE and receive
 * logins. Eureka clients send no CSRF token, so CSRF is off for {@code /eureka/**}; the health probes
 * stay open for the orchestrator.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RegistrySecurity.RegistryCredentials.class)
class RegistrySecurity {

	/**
	 * {@code chat.discovery.*}: the one account of the registry ({@code EUREKA_USERNAME},
	 * {@code EUREKA_PASSWORD}); no default password, the registry refuses to start without one.
	 */
	@ConfigurationProperties("chat.discovery")
	record RegistryCredentials(@DefaultValue("eureka") String username, @DefaultValue("") String password) {

		static final int MIN_PASSWORD_LENGTH = 16;

		RegistryCredentials {
			if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
				throw new IllegalArgumentException("discovery-service needs EUREKA_PASSWORD (chat.discovery.password) "
						+ "of at least " + MIN_PASSWORD_LENGTH + " characters: without it anyone could register services");
			}
		}
	}

	@Bean
	SecurityFilterChain registryFilterChain(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests(requests -> requests
			.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info")
			.permitAll()
			.anyRequest()
			.authenticated())
			.httpBasic(Customizer.withDefaults())
			.csrf(csrf -> csrf.ignoringRequestMatchers("/eureka/**"));
		return http.build();
	}

	@Bean
	UserDetailsService registryAccount(RegistryCredentials credentials, PasswordEncoder encoder) {
		return new InMemoryUserDetailsManager(User.withUsername(credentials.username())
			.password(encoder.encode(credentials.password()))
			.roles("REGISTRY")
			.build());
	}

	/**
	 * Every instance renews and fetches every few seconds with the same credentials: BCrypt would cost
	 * tens of milliseconds of CPU each time. The password is a long random secret (no dictionary to
	 * guess from), so one SHA-256, compared in constant time, protects it as well.
	 */
	@Bean
	PasswordEncoder registryPasswordEncoder() {
		return new PasswordEncoder() {
			@Override
			public String encode(CharSequence raw) {
				return HexFormat.of().formatHex(sha256(raw));
			}

			@Override
			public boolean matches(CharSequence raw, String encoded) {
				return raw != null && encoded != null && MessageDigest.isEqual(sha256(raw), HexFormat.of().parseHex(encoded));
			}
		};
	}

	private static byte[] sha256(CharSequence value) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(value.toString().getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
