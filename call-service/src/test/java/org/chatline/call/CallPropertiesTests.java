package org.chatline.call;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CallPropertiesTests {

	@Test
	void defaultsMatchTheContract() {
		CallProperties properties = bind(Map.of());

		assertThat(properties.ringTimeout()).isEqualTo(Duration.ofSeconds(45));
		assertThat(properties.jitsi().domain()).isEqualTo("meet.jit.si");
		assertThat(properties.jitsi().subject()).isEqualTo("meet.jit.si");
		assertThat(properties.jitsi().appId()).isEqualTo("chatline");
		assertThat(properties.jitsi().audience()).isEqualTo("jitsi");
		assertThat(properties.jitsi().tokenTtl()).isEqualTo(Duration.ofHours(2));
		assertThat(properties.jitsi().usesDevSecret()).isTrue();
	}

	@Test
	void bindsASelfHostedJitsi() {
		CallProperties properties = bind(Map.of("chat.calls.jitsi.domain", "meet.example.org",
				"chat.calls.jitsi.subject", "meet.jitsi", "chat.calls.jitsi.app-id", "my_app",
				"chat.calls.jitsi.app-secret", "0123456789abcdef0123456789abcdef", "chat.calls.ring-timeout", "1s"));

		assertThat(properties.jitsi().domain()).isEqualTo("meet.example.org");
		assertThat(properties.jitsi().subject()).isEqualTo("meet.jitsi");
		assertThat(properties.jitsi().appId()).isEqualTo("my_app");
		assertThat(properties.jitsi().usesDevSecret()).isFalse();
		assertThat(properties.ringTimeout()).isEqualTo(Duration.ofSeconds(1));
	}

	@Test
	void refusesSecretsTooShortForHs256() {
		assertThatThrownBy(() -> bind(Map.of("chat.calls.jitsi.app-secret", "my_jitsi_app_secret")))
			.isInstanceOf(BindException.class)
			.rootCause()
			.hasMessageContaining("at least 32 bytes");
	}

	private static CallProperties bind(Map<String, String> values) {
		return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("chat.calls", CallProperties.class);
	}
}
