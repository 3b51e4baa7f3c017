package org.chatline.common.web;

import java.util.List;
import java.util.UUID;

import org.chatline.common.security.AuthenticatedUser;
import org.chatline.common.security.JwtVerifier;
import org.chatline.common.security.ServiceCaller;
import org.chatline.common.security.ServiceTokenVerifier;
import org.chatline.common.test.TestTokens;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class AuthenticationFilterTests {

	private final AuthenticationFilter filter = new AuthenticationFilter(
			new JwtVerifier(TestTokens.keySource(), "chatline-auth", "chatline"),
			new ServiceTokenVerifier(TestTokens.keySource(), "chatline-auth", TestTokens.INTERNAL_AUDIENCE),
			List.of("/actuator/**"), List.of("/internal/**"));

	@Test
	void refusesAnInternalCallWithoutCredential() throws Exception {
		MockHttpServletResponse response = run("/internal/users/1", null);

		assertThat(response.getStatus()).isEqualTo(401);
		assertThat(response.getContentAsString()).contains("\"success\":false").contains("UNAUTHORIZED");
	}

	@Test
	void refusesAUsersAccessTokenOnTheInternalApi() throws Exception {
		assertThat(run("/internal/users/1", TestTokens.bearer(UUID.randomUUID())).getStatus()).isEqualTo(401);
	}

	@Test
	void acceptsAServiceTokenOnTheInternalApiAndNamesTheCaller() throws Exception {
		MockHttpServletRequest request = request("/internal/users/1", TestTokens.serviceBearer("auth-service"));
		MockHttpServletResponse response = new MockHttpServletResponse();

		filter.doFilter(request, response, new MockFilterChain());

		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(request.getAttribute(AuthenticationFilter.SERVICE_ATTRIBUTE))
			.isEqualTo(new ServiceCaller("auth-service"));
	}

	@Test
	void refusesAServiceTokenOnThePublicApi() throws Exception {
		assertThat(run("/api/v1/users/me", TestTokens.serviceBearer("auth-service")).getStatus()).isEqualTo(401);
	}

	@Test
	void acceptsAUsersAccessTokenOnThePublicApi() throws Exception {
		MockHttpServletRequest request = request("/api/v1/users/me", TestTokens.bearer(UUID.randomUUID()));
		MockHttpServletResponse response = new MockHttpServletResponse();

		filter.doFilter(request, response, new MockFilterChain());

		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(request.getAttribute(AuthenticationFilter.ATTRIBUTE)).isInstanceOf(AuthenticatedUser.class);
	}

	private MockHttpServletResponse run(String path, String authorization) throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		filter.doFilter(request(path, authorization), response, new MockFilterChain());
		return response;
	}

	private static MockHttpServletRequest request(String path, String authorization) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
		if (authorization != null) {
			request.addHeader("Authorization", authorization);
		}
		return request;
	}

	@Test
	void seesDisguisedInternalPathsAsInternal() throws Exception {
		String user = TestTokens.bearer(UUID.randomUUID());

		for (String path : new String[] { "/internal;x=1/users/1", "/%69nternal/users/1", "/internal/users;a=b/1" }) {
			assertThat(run(path, user).getStatus()).as(path).isEqualTo(401);
		}
		assertThat(run("/%69nternal/users/1", TestTokens.serviceBearer("auth-service")).getStatus()).isEqualTo(200);
	}

	@Test
	void refusesPathsWithoutASingleMeaning() throws Exception {
		String user = TestTokens.bearer(UUID.randomUUID());

		for (String path : new String[] { "//internal/users/1", "/actuator/../internal/users/1", "/actuator/%2e%2e/internal",
				"/internal%2fusers/1", "/api/%zz" }) {
			MockHttpServletResponse response = run(path, user);
			assertThat(response.getStatus()).as(path).isEqualTo(400);
			assertThat(response.getContentAsString()).contains("VALIDATION_ERROR");
		}
		assertThat(AuthenticationFilter.canonicalPath("/api/v1/users/")).isEqualTo("/api/v1/users/");
		assertThat(AuthenticationFilter.canonicalPath("/actuator;x=1/health")).isEqualTo("/actuator/health");
	}
}
