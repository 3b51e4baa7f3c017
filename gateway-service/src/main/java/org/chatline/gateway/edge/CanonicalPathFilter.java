package org.chatline.gateway.edge;

import org.chatline.common.api.ErrorCode;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Lets only canonical paths in, before CORS, authentication, rate limiting and routing look at
 * them. Refused with 400: matrix parameters ({@code ;}), a percent-encoded unreserved character
 * ({@code %6c} for {@code l}), an encoded slash, backslash or NUL, a dot segment, an empty segment
 * ({@code //}), a backslash, and a malformed escape.
 *
 * <p>Why refuse rather than normalise: the gateway's own checks compare the raw path
 * ({@code /api/v1/auth/login} gets the login limit) while routing and the services decode it, so
 * {@code /api/v1/auth/login;x=1} or {@code /api/v1/auth/%6cogin} reached the login handler counted
 * against the general limit. No client of the contract sends such a path; refusing it leaves one
 * reading of every path that gets through. Encoded reserved and non-ASCII characters
 * ({@code %20}, {@code %C3%A9}) keep their meaning and pass. The query string is not judged here.
 */
@Component
class CanonicalPathFilter implements WebFilter, Ordered {

	/** Right after the request id (so a refusal still carries one), before everything that reads the path. */
	static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 1;

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String problem = problem(exchange.getRequest().getURI().getRawPath());
		if (problem != null) {
			return Envelopes.refuse(exchange, ErrorCode.VALIDATION_ERROR, "Malformed path: " + problem);
		}
		return chain.filter(exchange);
	}

	/** What makes the raw path non-canonical, or null when it is canonical. */
	static String problem(String rawPath) {
		if (rawPath == null || rawPath.isEmpty() || rawPath.charAt(0) != '/') {
			return "it must start with /";
		}
		int segmentStart = 1;
		for (int i = 1; i <= rawPath.length(); i++) {
			char c = (i < rawPath.length()) ? rawPath.charAt(i) : '/';
			if (c == ';') {
				return "matrix parameters (;) are not accepted";
			}
			if (c == '\\') {
				return "a backslash is not accepted";
			}
			if (c == '%') {
				int value = (i + 2 < rawPath.length()) ? hex(rawPath.charAt(i + 1), rawPath.charAt(i + 2)) : -1;
				if (value < 0) {
					return "a malformed percent-encoding";
				}
				if (isUnreserved(value)) {
					return "an unreserved character must not be percent-encoded";
				}
				if (value == '/' || value == '\\' || value == 0) {
					return "an encoded slash, backslash or NUL is not accepted";
				}
			}
			if (c == '/') {
				String segment = rawPath.substring(segmentStart, i);
				boolean last = i == rawPath.length();
				if (segment.equals(".") || segment.equals("..")) {
					return "dot segments are not accepted";
				}
				// A trailing slash is an empty last segment, which Socket.IO's path needs ("/socket.io/").
				if (segment.isEmpty() && !last) {
					return "empty segments (//) are not accepted";
				}
				segmentStart = i + 1;
			}
		}
		return null;
	}

	/** RFC 3986 unreserved: ALPHA / DIGIT / "-" / "." / "_" / "~". */
	private static boolean isUnreserved(int c) {
		return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
				|| c == '_' || c == '~';
	}

	private static int hex(char high, char low) {
		int h = Character.digit(high, 16);
		int l = Character.digit(low, 16);
		return (h < 0 || l < 0) ? -1 : h * 16 + l;
	}

}
