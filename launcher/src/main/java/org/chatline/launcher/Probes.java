package org.chatline.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The HTTP checks that tell the platform is up. */
final class Probes {

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

	private final AtomicInteger probes = new AtomicInteger();

	/** {@code GET /actuator/health/readiness} answers 200 with status UP. */
	boolean ready(int port) {
		try {
			HttpResponse<String> response = this.http.send(
					HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
						.timeout(Duration.ofSeconds(3))
						.build(),
					HttpResponse.BodyHandlers.ofString());
			return response.statusCode() == 200 && response.body().contains("\"UP\"");
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/**
	 * The gateway reaches auth-service through Eureka: an empty login answers 400 or 401
	 * from auth-service, where 404 or 503 means the route or the instance is not known yet.
	 * <p>
	 * Each probe comes from its own loopback address (127.42.x.y): the gateway limits logins
	 * per client address (5 per 15 minutes), and probing from 127.0.0.1 would use up the
	 * allowance of the developer's first logins. Where only 127.0.0.1 exists (macOS), the
	 * probe falls back to it.
	 *
	 * @return the status code, or -1 when the gateway did not answer
	 */
	int loginThroughGateway(int gatewayPort) {
		int n = this.probes.incrementAndGet() % 65_000 + 1;
		InetSocketAddress source = new InetSocketAddress("127.42." + (n >> 8) + "." + (n & 0xff), 0);
		try (Socket socket = new Socket()) {
			try {
				socket.bind(source);
			}
			catch (IOException ex) {
				// No such loopback address here: probe from the default one.
			}
			socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), gatewayPort), 1000);
			socket.setSoTimeout(5000);
			String request = "POST /api/v1/auth/login HTTP/1.1\r\nHost: localhost:" + gatewayPort
					+ "\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}";
			socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
			socket.getOutputStream().flush();
			BufferedReader reader = new BufferedReader(
					new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
			String statusLine = reader.readLine();
			// "HTTP/1.1 401 Unauthorized"
			String[] parts = (statusLine != null) ? statusLine.split(" ") : new String[0];
			return (parts.length >= 2) ? Integer.parseInt(parts[1]) : -1;
		}
		catch (IOException | NumberFormatException ex) {
			return -1;
		}
	}

	/** Names of the applications registered in Eureka, for messages ("[AUTH-SERVICE, USER-SERVICE]"). */
	List<String> eurekaApplications(int eurekaPort, String authorization) {
		try {
			HttpResponse<String> response = this.http.send(
					HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + eurekaPort + "/eureka/apps"))
						.header("Accept", "application/json")
						.header("Authorization", authorization)
						.timeout(Duration.ofSeconds(3))
						.build(),
					HttpResponse.BodyHandlers.ofString());
			Matcher app = Pattern.compile("\"app\"\\s*:\\s*\"([^\"]+)\"").matcher(response.body());
			List<String> names = new ArrayList<>();
			while (app.find()) {
				if (!names.contains(app.group(1))) {
					names.add(app.group(1));
				}
			}
			return names;
		}
		catch (IOException ex) {
			return List.of("(Eureka not answering)");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return List.of();
		}
	}

}
