package org.chatline.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * PostgreSQL from zonky's embedded binaries, on a fixed port, with its data in a folder
 * that outlives the process: a restart keeps users and messages. Zonky runs the server as
 * {@code nobody} when started as root (PostgreSQL refuses to run as root).
 */
final class EmbeddedPostgresServer implements AutoCloseable {

	private final EmbeddedPostgres postgres;

	private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
		this.postgres = postgres;
	}

	static EmbeddedPostgresServer start(Path dataDir, int port, Path logFile) throws IOException {
		Files.createDirectories(dataDir.getParent());
		Files.createDirectories(logFile.getParent());
		EmbeddedPostgres postgres = EmbeddedPostgres.builder()
			.setPort(port)
			.setDataDirectory(dataDir)
			.setCleanDataDirectory(false)
			// The platform stops it after the services, from its own shutdown hook.
			.setRegisterShutdownHook(false)
			.setPGStartupWait(Duration.ofSeconds(60))
			// Seven services with a pool each, plus tests and a psql session or two.
			.setServerConfig("max_connections", "200")
			// Loopback only (PostgreSQL's own default, said out loud): the services run on this machine.
			.setServerConfig("listen_addresses", "localhost")
			// Zonky turns fsync and synchronous commit off for throwaway test databases; this data
			// is kept, and a message the platform acknowledged must survive a PostgreSQL crash:
			// every commit waits for its WAL to reach the disk, as a stock PostgreSQL does.
			.setServerConfig("fsync", "on")
			.setServerConfig("synchronous_commit", "on")
			.setOutputRedirector(java.lang.ProcessBuilder.Redirect.appendTo(logFile.toFile()))
			.setErrorRedirector(java.lang.ProcessBuilder.Redirect.appendTo(logFile.toFile()))
			.start();
		return new EmbeddedPostgresServer(postgres);
	}

	int port() {
		return this.postgres.getPort();
	}

	@Override
	public void close() throws IOException {
		this.postgres.close();
	}

}
