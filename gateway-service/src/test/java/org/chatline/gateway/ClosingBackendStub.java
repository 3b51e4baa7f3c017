package org.chatline.gateway;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A backend that behaves like the Socket.IO server's polling transport: it answers one request per
 * connection with a keep-alive response (no {@code Connection: close}), then closes the connection
 * a moment later. A client that pools the connection and reuses it in that moment loses its request.
 */
final class ClosingBackendStub {

	static final ClosingBackendStub INSTANCE = new ClosingBackendStub();

	private static final long CLOSE_DELAY_MILLIS = 300;

	/**
	 * A poll of the session with this sid is held for {@link #HELD_POLL} before its answer, as the
	 * socket server holds a long-polling request until it has a packet to send.
	 */
	static final String HELD_SID = "held";

	static final Duration HELD_POLL = GatewayIntegrationTest.RESPONSE_TIMEOUT.plusSeconds(2);

	/** The head (request line and headers) of the last request. */
	final AtomicReference<String> lastHead = new AtomicReference<>("");

	private final ServerSocket server;

	private ClosingBackendStub() {
		try {
			server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Thread acceptor = new Thread(this::accept, "closing-backend");
		acceptor.setDaemon(true);
		acceptor.start();
	}

	String url() {
		return "http://127.0.0.1:" + server.getLocalPort();
	}

	private void accept() {
		while (!server.isClosed()) {
			try {
				Socket socket = server.accept();
				Thread connection = new Thread(() -> answerOnceThenClose(socket), "closing-backend-connection");
				connection.setDaemon(true);
				connection.start();
			}
			catch (IOException ex) {
				return;
			}
		}
	}

	private void answerOnceThenClose(Socket socket) {
		try (socket) {
			String head = readRequest(socket.getInputStream());
			lastHead.set(head);
			boolean held = head.startsWith("GET ") && head.lines().findFirst().orElse("").contains("sid=" + HELD_SID);
			if (held) {
				Thread.sleep(HELD_POLL.toMillis());
			}
			// A held poll ends with a noop packet; anything else is answered as a handshake.
			byte[] body = (held ? "6" : "0{\"sid\":\"stub\"}").getBytes(StandardCharsets.UTF_8);
			OutputStream out = socket.getOutputStream();
			out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Length: " + body.length
					+ "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
			out.write(body);
			out.flush();
			Thread.sleep(CLOSE_DELAY_MILLIS);
		}
		catch (IOException | InterruptedException ex) {
			// the client went away; nothing to answer
		}
	}

	/** Reads the head and, when there is a Content-Length, the body of one request; answers the head. */
	private static String readRequest(InputStream in) throws IOException {
		ByteArrayOutputStream head = new ByteArrayOutputStream();
		int matched = 0;
		while (matched < 4) {
			int b = in.read();
			if (b < 0) {
				return head.toString(StandardCharsets.US_ASCII);
			}
			head.write(b);
			matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
		}
		for (String line : head.toString(StandardCharsets.US_ASCII).split("\r\n")) {
			if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
				in.readNBytes(Integer.parseInt(line.substring(15).trim()));
			}
		}
		return head.toString(StandardCharsets.US_ASCII);
	}
}
