package org.chatline.common.security;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Jwks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JwksKeySourceTests {

	private final KeyPair keys = Jwts.SIG.RS256.keyPair().build();

	private final AtomicInteger fetches = new AtomicInteger();

	private HttpServer server;

	@BeforeEach
	void startJwksServer() throws Exception {
		String jwks = "{\"keys\":[" + Jwks.json(Jwks.builder().key((RSAPublicKey) keys.getPublic()).id("k1").build())
				+ "]}";
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/jwks", exchange -> {
			fetches.incrementAndGet();
			try {
				Thread.sleep(300);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			byte[] body = jwks.getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		server.setExecutor(Executors.newFixedThreadPool(4));
		server.start();
	}

	@AfterEach
	void stop() {
		server.stop(0);
	}

	@Test
	void concurrentCallersOnAColdCacheAllGetTheKeyFromOneFetch() throws Exception {
		JwksKeySource source = new JwksKeySource(
				URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/jwks"));
		ExecutorService callers = Executors.newFixedThreadPool(8);
		List<Future<Optional<java.security.PublicKey>>> results = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			results.add(callers.submit(() -> source.find("k1")));
		}
		for (Future<Optional<java.security.PublicKey>> result : results) {
			assertThat(result.get()).contains(keys.getPublic());
		}
		callers.shutdown();
		assertThat(fetches.get()).isEqualTo(1);
	}

	@Test
	void unknownKidsDoNotTurnIntoAFloodOfFetches() {
		JwksKeySource source = new JwksKeySource(
				URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/jwks"));
		for (int i = 0; i < 20; i++) {
			assertThat(source.find("forged-" + i)).isEmpty();
		}
		assertThat(fetches.get()).isEqualTo(1);
		assertThat(source.find("k1")).isPresent();
	}
}
