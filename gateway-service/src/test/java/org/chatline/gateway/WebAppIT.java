package org.chatline.gateway;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import org.chatline.common.test.TestTokens;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The web client served next to the API: the page, its hashed assets, and what stays the API's. */
class WebAppIT extends GatewayIntegrationTest {

	@Test
	void servesThePageAtTheRootAndAtTheClientsRoutesNeverCachedWithAStrictPolicy() throws Exception {
		for (String path : new String[] { "/", "/index.html", "/login", "/register", "/c/dm/" + UUID.randomUUID() }) {
			Reply reply = send(request(path));
			assertThat(reply.status()).as(path).isEqualTo(200);
			assertThat(header(reply, "Content-Type")).as(path).startsWith("text/html");
			assertThat(header(reply, "Cache-Control")).as(path).isEqualTo("no-cache");
			assertThat(reply.raw().body()).as(path).contains("<div id=\"app\"></div>")
				.doesNotContainPattern("<script(?![^>]*\\ssrc=)");
			String policy = header(reply, "Content-Security-Policy");
			assertThat(policy).as(path)
				.contains("default-src 'self'", "script-src 'self'", "style-src 'self'", "frame-src 'none'",
						"object-src 'none'", "frame-ancestors 'none'")
				.contains("connect-src 'self' ws://127.0.0.1:" + port + " wss://127.0.0.1:" + port)
				.doesNotContain("unsafe-inline", "unsafe-eval");
		}
		Reply head = send(request("/").method("HEAD", java.net.http.HttpRequest.BodyPublishers.noBody()));
		assertThat(head.status()).isEqualTo(200);
		assertThat(header(head, "Content-Security-Policy")).contains("script-src 'self'");
	}

	@Test
	void cachesHashedAssetsForAYearAndSendsTheirGzipToBrowsersThatAcceptIt() throws Exception {
		String script = scriptOf(send(request("/")).raw().body());

		Reply plain = send(request(script));
		assertThat(plain.status()).isEqualTo(200);
		assertThat(header(plain, "Content-Type")).contains("javascript");
		assertThat(header(plain, "Cache-Control")).contains("max-age=31536000", "immutable");
		assertThat(plain.raw().headers().firstValue("Content-Encoding")).isEmpty();
		assertThat(header(plain, "Content-Security-Policy")).contains("script-src 'self'");

		HttpResponse<byte[]> zipped = http().send(request(script).header("Accept-Encoding", "gzip, deflate, br").build(),
				HttpResponse.BodyHandlers.ofByteArray());
		assertThat(zipped.headers().firstValue("Content-Encoding")).contains("gzip");
		assertThat(zipped.headers().firstValue("Vary")).hasValueSatisfying(vary -> assertThat(vary).contains("Accept-Encoding"));
		try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(zipped.body()))) {
			assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(plain.raw().body());
		}
	}

	@Test
	void leavesEveryOtherPathToTheApiWithItsEnvelopeAndNoPagePolicy() throws Exception {
		for (String path : new String[] { "/assets/missing-123.js", "/assets/index.html", "/elsewhere",
				"/actuator/health", "/socket" }) {
			Reply reply = send(request(path));
			assertThat(reply.status()).as(path).isEqualTo(404);
			assertThat(reply.body().get("code").asString()).as(path).isEqualTo("NOT_FOUND");
		}
		Reply api = send(request("/api/v1/messages/direct/" + UUID.randomUUID())
			.header("Authorization", TestTokens.bearer(UUID.randomUUID())));
		assertThat(api.status()).isEqualTo(200);
		assertThat(api.raw().headers().firstValue("Content-Security-Policy")).isEmpty();
		assertThat(api.raw().headers().firstValue("Cache-Control")).isEmpty();
		Reply health = send(request("/api/v1/health"));
		assertThat(health.body().get("success").asBoolean()).isTrue();
		assertThat(health.raw().headers().firstValue("Content-Security-Policy")).isEmpty();
	}

	private static String header(Reply reply, String name) {
		return reply.raw().headers().firstValue(name).orElse("");
	}

	private static String scriptOf(String page) {
		Matcher matcher = Pattern.compile("<script[^>]*\\ssrc=\"(/assets/[^\"]+\\.js)\"").matcher(page);
		assertThat(matcher.find()).as("a bundled script in %s", page).isTrue();
		return matcher.group(1);
	}

	private static java.net.http.HttpClient http() {
		return java.net.http.HttpClient.newHttpClient();
	}
}
