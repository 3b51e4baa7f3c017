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
import org.springframework.web.util.UriUtils;
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
		String path = canonicalPath(request.getRequestURI().substring(request.getContextPath().length()));
		if (path == null) {
			reject(response, ApiException.validation("Malformed path"));
			return;
		}
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
			reject(response, ex);
			return;
		}
		chain.doFilter(request, response);
	}

	private static void reject(HttpServletResponse response, ApiException ex) throws IOException {
		response.setStatus(ex.code().status());
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.getOutputStream()
			.write(ErrorResponse.of(ex.code(), ex.getMessage()).toJson().getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * The path as the handler mapping sees it: each segment without its {@code ;parameters} and
	 * percent-decoded, so {@code /internal;x=1/users} or {@code /%69nternal/users} are internal paths
	 * here too. Null (refused) for what has no single meaning: empty, {@code .} or {@code ..}
	 * segments, an encoded {@code /}, or bad percent-encoding.
	 */
	static String canonicalPath(String raw) {
		if (raw.isEmpty() || raw.charAt(0) != '/') {
			return null;
		}
		String[] segments = raw.substring(1).split("/", -1);
		StringBuilder path = new StringBuilder();
		for (int i = 0; i < segments.length; i++) {
			String segment = segments[i];
			int semicolon = segment.indexOf(';');
			if (semicolon >= 0) {
				segment = segment.substring(0, semicolon);
			}
			try {
				segment = UriUtils.decode(segment, StandardCharsets.UTF_8);
			}
			catch (IllegalArgumentException ex) {
				return null;
			}
			boolean last = i == segments.length - 1;
			if ((segment.isEmpty() && !last) || segment.equals(".") || segment.equals("..") || segment.indexOf('/') >= 0) {
				return null;
			}
			path.append('/').append(segment);
		}
		return path.toString();
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
