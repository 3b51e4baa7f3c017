package org.chatline.common.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.chatline.common.api.ApiException;
import org.chatline.common.api.ErrorResponse;
import org.chatline.common.security.AuthenticatedUser;
import org.chatline.common.security.JwtVerifier;
import org.chatline.common.security.ServiceCaller;
import org.chatline.common.security.ServiceTokenVerifier;

import org.springframework.http.MediaType;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every request outside the public paths must carry a valid token: on the internal paths
 * ({@code /internal/**}) a service token, anywhere else a user's access token; neither is accepted
 * in the other's place. The verified caller is kept as a request attribute for
 * {@link CurrentUserArgumentResolver} (a user) or {@link ServiceCallerArgumentResolver} (a service).
 */
public class AuthenticationFilter extends OncePerRequestFilter {

	public static final String ATTRIBUTE = AuthenticatedUser.class.getName();

	public static final String SERVICE_ATTRIBUTE = ServiceCaller.class.getName();

	private final JwtVerifier verifier;

	private final ServiceTokenVerifier serviceVerifier;

	private final List<String> publicPaths;

	private final List<String> internalPaths;

	private final AntPathMatcher matcher = new AntPathMatcher();

	public AuthenticationFilter(JwtVerifier verifier, ServiceTokenVerifier serviceVerifier, List<String> publicPaths,
			List<String> internalPaths) {
		this.verifier = verifier;
		this.serviceVerifier = serviceVerifier;
		this.publicPaths = publicPaths;
		this.internalPaths = internalPaths;
	}

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return true;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (matchesAny(this.publicPaths, path)) {
			chain.doFilter(request, response);
			return;
		}
		try {
			String token = JwtVerifier.bearer(request.getHeader("Authorization"));
			if (token == null) {
				throw ApiException.unauthorized("Authentication required");
			}
			if (matchesAny(this.internalPaths, path)) {
				request.setAttribute(SERVICE_ATTRIBUTE, this.serviceVerifier.verify(token));
			}
			else {
				request.setAttribute(ATTRIBUTE, this.verifier.verifyAccessToken(token));
			}
		}
		catch (ApiException ex) {
			response.setStatus(ex.code().status());
			response.setContentType(MediaType.APPLICATION_JSON_VALUE);
			response.getOutputStream()
				.write(ErrorResponse.of(ex.code(), ex.getMessage()).toJson().getBytes(StandardCharsets.UTF_8));
			return;
		}
		chain.doFilter(request, response);
	}

	private boolean matchesAny(List<String> patterns, String path) {
		for (String pattern : patterns) {
			if (matcher.match(pattern, path)) {
				return true;
			}
		}
		return false;
	}
}
