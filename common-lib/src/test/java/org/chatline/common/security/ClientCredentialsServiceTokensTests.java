package org.chatline.common.security;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.client.ExpectedCount;
import org.springframework.test.web.client.MockRestServiceServer;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.content;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.header;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.method;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.requestTo;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withSuccess;

class ClientCredentialsServiceTokensTests {

	private static final URI TOKEN_URI = URI.create("http://auth-service/internal/service-tokens");

	private static ServiceAuthProperties properties(String secret) {
		return new ServiceAuthProperties("message-service", secret, TOKEN_URI, Duration.ofSeconds(60));
	}

	@Test
	void refusesToStartWithoutASecret() {
		assertThatIllegalStateException()
			.isThrownBy(() -> new ClientCredentialsServiceTokens(RestClient.create(), properties("")))
			.withMessageContaining("CHAT_SERVICE_SECRET");
	}

	@Test
	void asksWithItsClientCredentialsOnceAndKeepsTheTokenUntilShortlyBeforeItExpires() {
		RestClient.Builder builder = RestClient.builder();
		MockRestServiceServer server = MockRestServiceServer.bindTo(builder).build();
		String basic = "Basic " + Base64.getEncoder()
			.encodeToString("message-service:s3cret".getBytes(StandardCharsets.UTF_8));
		server.expect(ExpectedCount.once(), requestTo(TOKEN_URI))
			.andExpect(method(HttpMethod.POST))
			.andExpect(header("Authorization", basic))
			.andExpect(content().string("grant_type=client_credentials"))
			.andRespond(withSuccess("{\"access_token\":\"t1\",\"token_type\":\"Bearer\",\"expires_in\":300}",
					MediaType.APPLICATION_JSON));
		ClientCredentialsServiceTokens tokens = new ClientCredentialsServiceTokens(builder.build(), properties("s3cret"));

		assertThat(tokens.current()).isEqualTo("t1");
		assertThat(tokens.current()).isEqualTo("t1");
		server.verify();

		server.reset();
		server.expect(requestTo(TOKEN_URI))
			.andRespond(withSuccess("{\"access_token\":\"t2\",\"token_type\":\"Bearer\",\"expires_in\":300}",
					MediaType.APPLICATION_JSON));
		tokens.invalidate();
		assertThat(tokens.current()).isEqualTo("t2");
		server.verify();
	}
}
