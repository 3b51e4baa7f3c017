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

import org.springframework.http.MediaType;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every request outside the public paths must carry a valid access token. The verified caller is
 * kept as a request attribute for {@link CurrentUserArgumentResolver}.
 */
public class AuthenticationFilter extends OncePerRequestFilter {

	public static final String ATTRIBUTE = AuthenticatedUser.class.getName();

	private final JwtVerifier verifier;

	private final List<String> publicPaths;

	private final AntPathMatcher matcher = new AntPathMatcher();

	public AuthenticationFilter(JwtVerifier verifier, List<String> publicPaths) {
		this.verifier = verifier;
		this.publicPaths = publicPaths;
	}

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return true;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (isPublic(path)) {
			chain.doFilter(request, response);
			return;
		}
		try {
			String token = JwtVerifier.bearer(request.getHeader("Authorization"));
			if (token == null) {
				throw ApiException.unauthorized("Authentication required");
			}
			request.setAttribute(ATTRIBUTE, verifier.verifyAccessToken(token));
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

	private boolean isPublic(String path) {
		for (String pattern : publicPaths) {
			if (matcher.match(pattern, path)) {
				return true;
			}
		}
		return false;
	}
}
