package org.chatline.common.config;

import java.util.concurrent.atomic.AtomicInteger;

import org.chatline.common.security.ServiceTokens;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.client.MockRestServiceServer;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.header;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.headerDoesNotExist;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.method;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.requestTo;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withStatus;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withSuccess;

class ServiceTokenInterceptorTests {

	private final AtomicInteger invalidated = new AtomicInteger();

	private final ServiceTokens tokens = new ServiceTokens() {
		@Override
		public String current() {
			return "service-token";
		}

		@Override
		public void invalidate() {
			invalidated.incrementAndGet();
		}
	};

	private final RestClient.Builder builder = RestClient.builder()
		.requestInterceptor(new ServiceTokenInterceptor(() -> tokens));

	private final MockRestServiceServer server = MockRestServiceServer.bindTo(builder).build();

	private final RestClient client = builder.baseUrl("http://user-service").build();

	@Test
	void attachesTheServiceTokenToInternalCalls() {
		server.expect(requestTo("http://user-service/internal/users/1"))
			.andExpect(header("Authorization", "Bearer service-token"))
			.andRespond(withSuccess());

		client.get().uri("/internal/users/1").retrieve().toBodilessEntity();

		server.verify();
	}

	@Test
	void neverAttachesItToThePublicApiAndKeepsTheUsersOwnToken() {
		server.expect(requestTo("http://user-service/api/v1/messages"))
			.andExpect(header("Authorization", "Bearer users-token"))
			.andRespond(withSuccess());
		server.expect(requestTo("http://user-service/api/v1/users/me"))
			.andExpect(headerDoesNotExist("Authorization"))
			.andRespond(withSuccess());
		server.expect(requestTo("http://user-service/internalish"))
			.andExpect(headerDoesNotExist("Authorization"))
			.andRespond(withSuccess());

		client.post().uri("/api/v1/messages").header("Authorization", "Bearer users-token").retrieve().toBodilessEntity();
		client.get().uri("/api/v1/users/me").retrieve().toBodilessEntity();
		client.get().uri("/internalish").retrieve().toBodilessEntity();

		server.verify();
	}

	@Test
	void aUsersTokenNeverTravelsToAnInternalEndpoint() {
		server.expect(requestTo("http://user-service/internal/users/1"))
			.andExpect(header("Authorization", "Bearer service-token"))
			.andRespond(withSuccess());

		client.get().uri("/internal/users/1").header("Authorization", "Bearer users-token").retrieve().toBodilessEntity();

		server.verify();
	}

	@Test
	void theTokenEndpointIsLeftToTheClientSecret() {
		server.expect(requestTo("http://user-service/internal/service-tokens"))
			.andExpect(method(HttpMethod.POST))
			.andExpect(header("Authorization", "Basic abc"))
			.andRespond(withSuccess());

		client.post().uri("/internal/service-tokens").header("Authorization", "Basic abc").retrieve().toBodilessEntity();

		server.verify();
	}

	@Test
	void forgetsTheTokenWhenTheReceiverRefusesIt() {
		server.expect(requestTo("http://user-service/internal/users/1")).andRespond(withStatus(HttpStatus.UNAUTHORIZED));

		client.get().uri("/internal/users/1").exchange((request, response) -> response.getStatusCode());

		assertThat(invalidated).hasValue(1);
	}

	@Test
	void aMissingTokenFailsTheCallLikeAnUnreachableOwner() {
		RestClient failing = RestClient.builder()
			.requestInterceptor(new ServiceTokenInterceptor(() -> () -> {
				throw new IllegalStateException("auth-service unknown");
			}))
			.baseUrl("http://user-service")
			.build();

		assertThatThrownBy(() -> failing.get().uri("/internal/users/1").retrieve().toBodilessEntity())
			.isInstanceOf(ResourceAccessException.class)
			.hasMessageContaining("auth-service unknown");
	}
}
