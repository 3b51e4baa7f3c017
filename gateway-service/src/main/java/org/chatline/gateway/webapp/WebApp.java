package org.chatline.gateway.webapp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import reactor.core.publisher.Mono;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.server.RequestPredicate;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ResponseStatusException;

/**
 * The web client (module {@code web-client}, built into {@code classpath:web-client/}) at {@code /}
 * on the API's port. Only its own paths are served here, so every API, Socket.IO, docs and actuator
 * path keeps its routing and its 404 envelope:
 * <ul>
 * <li>{@code /assets/<hashed name>}: cached for a year as immutable (the name changes with the
 * content), gzip-encoded from the build's {@code .gz} twin when the browser accepts it;</li>
 * <li>{@code /}, {@code /index.html} and the client's own routes ({@code /login}, {@code /register},
 * {@code /c/**}): the page, never cached, so a new build is picked up at the next load;</li>
 * <li>{@code /favicon.svg}: cached for an hour.</li>
 * </ul>
 * Every answer carries a strict Content-Security-Policy: scripts and styles from this origin only
 * (the build has no inline script), connections to this origin (REST, Socket.IO polling and its
 * websocket), frames only from the configured Jitsi domain.
 */
final class WebApp {

	static final String ROOT = "web-client/";

	private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,200}");

	private static final Pattern HOST = WebAppProperties.HOST;

	private static final CacheControl IMMUTABLE = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

	private static final CacheControl SHORT = CacheControl.maxAge(Duration.ofHours(1)).cachePublic();

	private static final List<String> CLIENT_ROUTES = List.of("/", "/index.html", "/login", "/register", "/c/**");

	private final byte[] page;

	private final String frameSource;

	private WebApp(byte[] page, String jitsiDomain) {
		this.page = page;
		this.frameSource = jitsiDomain.isEmpty() ? "'none'" : "https://" + jitsiDomain;
	}

	/** The routes of the web client, or none when this gateway was built without it. */
	static RouterFunction<ServerResponse> routes(WebAppProperties properties) {
		Resource index = new ClassPathResource(ROOT + "index.html");
		if (!index.exists()) {
			return request -> Mono.empty();
		}
		WebApp app = new WebApp(read(index, properties.jitsiDomain()), properties.jitsiDomain());
		RouterFunctions.Builder routes = RouterFunctions.route();
		CLIENT_ROUTES.forEach(path -> routes.route(getOrHead(path), app::page));
		return routes.route(getOrHead("/assets/{file}"), app::asset).route(getOrHead("/favicon.svg"), app::favicon).build();
	}

	/** GET, and HEAD with the same headers (WebFlux drops the body). */
	private static RequestPredicate getOrHead(String pattern) {
		return RequestPredicates.GET(pattern).or(RequestPredicates.HEAD(pattern));
	}

	private static byte[] read(Resource index, String jitsiDomain) {
		try {
			String html = index.getContentAsString(StandardCharsets.UTF_8);
			return html.replace("<meta name=\"chatline-jitsi-domain\" content=\"\"",
					"<meta name=\"chatline-jitsi-domain\" content=\"" + jitsiDomain + "\"")
				.getBytes(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the web client's index.html", ex);
		}
	}

	private Mono<ServerResponse> page(ServerRequest request) {
		return ServerResponse.ok()
			.contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
			.cacheControl(CacheControl.noCache())
			.headers(headers -> secure(headers, request))
			.bodyValue(page);
	}

	private Mono<ServerResponse> asset(ServerRequest request) {
		return file(request, "assets/" + request.pathVariable("file"), IMMUTABLE);
	}

	private Mono<ServerResponse> favicon(ServerRequest request) {
		return file(request, "favicon.svg", SHORT);
	}

	private Mono<ServerResponse> file(ServerRequest request, String path, CacheControl cache) {
		String name = path.substring(path.lastIndexOf('/') + 1);
		Resource resource = new ClassPathResource(ROOT + path);
		if (!FILE_NAME.matcher(name).matches() || name.endsWith(".gz") || !resource.exists()) {
			return Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND));
		}
		Resource gzip = new ClassPathResource(ROOT + path + ".gz");
		boolean compressed = acceptsGzip(request) && gzip.exists();
		return ServerResponse.ok()
			.contentType(MediaTypeFactory.getMediaType(resource).orElse(MediaType.APPLICATION_OCTET_STREAM))
			.cacheControl(cache)
			.headers(headers -> {
				secure(headers, request);
				headers.add(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
				if (compressed) {
					headers.set(HttpHeaders.CONTENT_ENCODING, "gzip");
				}
			})
			.body(BodyInserters.fromResource(compressed ? gzip : resource));
	}

	private static boolean acceptsGzip(ServerRequest request) {
		return request.headers().header(HttpHeaders.ACCEPT_ENCODING).stream().anyMatch(value -> value.contains("gzip"));
	}

	private void secure(HttpHeaders headers, ServerRequest request) {
		headers.set("Content-Security-Policy", policy(request.headers().firstHeader(HttpHeaders.HOST)));
		headers.set("X-Content-Type-Options", "nosniff");
		headers.set("Referrer-Policy", "no-referrer");
	}

	/**
	 * 'self' covers the page's own websocket in current browsers; ws:// and wss:// of the host the
	 * page was asked for are named too, for those that read 'self' strictly (CSP 2).
	 */
	private String policy(String host) {
		String sockets = (host != null && HOST.matcher(host).matches()) ? " ws://" + host + " wss://" + host : "";
		return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: https:; "
				+ "connect-src 'self'" + sockets + "; frame-src " + frameSource + "; object-src 'none'; "
				+ "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
	}
}
