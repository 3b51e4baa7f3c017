package org.chatline.gateway.webapp;

import org.junit.jupiter.api.Test;

import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The page's policy and meta tag follow the configured Jitsi domain; a domain that is not a host is refused at startup. */
class WebAppTests {

	@Test
	void framesOnlyTheConfiguredJitsiDomainAndTellsThePage() {
		WebTestClient client = WebTestClient.bindToRouterFunction(WebApp.routes(new WebAppProperties("meet.example.com")))
			.build();

		client.get().uri("/c/group/x").exchange()
			.expectStatus().isOk()
			.expectHeader().value("Content-Security-Policy", policy -> assertThat(policy)
				.contains("frame-src https://meet.example.com;")
				.doesNotContain("frame-src 'none'"))
			.expectBody(String.class).value(page -> assertThat(page)
				.contains("<meta name=\"chatline-jitsi-domain\" content=\"meet.example.com\""));
	}

	@Test
	void framesNothingWithoutADomain() {
		WebTestClient client = WebTestClient.bindToRouterFunction(WebApp.routes(new WebAppProperties(""))).build();

		client.get().uri("/").exchange()
			.expectHeader().value("Content-Security-Policy", policy -> assertThat(policy).contains("frame-src 'none'"))
			.expectBody(String.class).value(page -> assertThat(page)
				.contains("<meta name=\"chatline-jitsi-domain\" content=\"\""));
	}

	@Test
	void refusesADomainThatIsNotAHostName() {
		for (String domain : new String[] { "meet.example.com; script-src *", "https://meet.example.com", "a\"b", "x y" }) {
			assertThatIllegalArgumentException().as(domain).isThrownBy(() -> new WebAppProperties(domain));
		}
	}
}
