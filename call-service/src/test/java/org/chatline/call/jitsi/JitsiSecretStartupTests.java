package org.chatline.call.jitsi;

import org.chatline.call.CallProperties;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/** call-service does not start with the built-in development Jitsi secret, except in the dev profile. */
class JitsiSecretStartupTests {

	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withUserConfiguration(JitsiOnly.class);

	@Test
	void refusesToStartWithoutASecretOutsideTheDevProfile() {
		for (String profile : new String[] { null, "prod", "default", "development" }) {
			ApplicationContextRunner runner = profile == null ? context
					: context.withPropertyValues("spring.profiles.active=" + profile);
			runner.run(started -> {
				assertThat(started).as(String.valueOf(profile)).hasFailed();
				assertThat(started.getStartupFailure()).rootCause()
					.hasMessageContaining("JWT_APP_SECRET")
					.hasMessageContaining("dev");
			});
		}
		context.withPropertyValues("chat.calls.jitsi.app-secret=   ")
			.run(started -> assertThat(started).hasFailed());
	}

	@Test
	void startsWithTheDevelopmentSecretInTheDevProfile() {
		context.withPropertyValues("spring.profiles.active=local,dev").run(started -> {
			assertThat(started).hasNotFailed();
			assertThat(started.getBean(CallProperties.class).jitsi().usesDevSecret()).isTrue();
		});
	}

	@Test
	void startsWithAConfiguredSecretInAnyProfile() {
		context.withPropertyValues("chat.calls.jitsi.app-secret=" + JitsiRoomsTests.SECRET)
			.run(started -> assertThat(started).hasNotFailed().hasSingleBean(JitsiRooms.class));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(CallProperties.class)
	@Import(JitsiRooms.class)
	static class JitsiOnly {
	}
}
