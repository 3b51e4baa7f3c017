package org.chatline.launcher;

import java.time.Duration;

import org.chatline.launcher.PlatformExtension.FirstRegistration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Chatline is up" means every path works, the first request included: right after start-up a
 * registration used to answer 503 ("User service is unavailable") because auth-service had no
 * user-service instance in its discovery cache yet. The registration is sent by
 * {@link PlatformExtension} the moment the platform is up, so it holds whichever test class started
 * the shared platform.
 */
@ExtendWith(PlatformExtension.class)
class RegisterAtOnceE2EIT {

	@Test
	void registersAUserInTheFirstSecondAfterUp(FirstRegistration first) {
		assertThat(first.sentAfterUp()).isLessThan(Duration.ofSeconds(1));
		assertThat(first.response().status()).as("POST /auth/register right after up: %s", first.response())
			.isEqualTo(201);
		assertThat(first.response().body().path("data").path("id").asString()).isNotBlank();
	}
}
