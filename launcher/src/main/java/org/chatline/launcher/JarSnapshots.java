package org.chatline.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Services run from an extracted copy of their Spring Boot jar, made by Spring Boot's own jar tools
 * ({@code java -Djarmode=tools -jar app.jar extract}): an application jar whose manifest names
 * {@code lib/*.jar} on its class path.
 * <p>
 * Three reasons. A JVM loads classes from plain jars on its class path about twice as fast as
 * from jars nested in a jar; the JDK's class-data archives need plain jars; and a {@code mvn install}
 * that rewrites {@code target/*.jar} cannot break a running service: it runs from the copy, which is
 * made again only when what the built jar holds changed.
 */
final class JarSnapshots {

	/** Records which built jar (path and contents) a directory was extracted from. */
	private static final String STAMP = ".unpacked-from";

	private JarSnapshots() {
	}

	/**
	 * Extracts {@code jar} into {@code dir} unless it already holds this very jar, and returns the
	 * application jar to run with {@code java -jar}: {@code <dir>/<dir name>.jar}.
	 */
	static Path snapshot(Path jar, Path dir) throws IOException {
		Path appJar = dir.resolve(dir.getFileName() + ".jar");
		for (int attempt = 1;; attempt++) {
			String stamp = stampOf(jar);
			if (Files.isRegularFile(appJar) && stamp.equals(readStamp(dir))) {
				return appJar;
			}
			Path tmp = dir.resolveSibling(dir.getFileName() + ".tmp");
			deleteTree(tmp);
			extract(jar, tmp, appJar.getFileName().toString());
			// A build rewriting the jar while we read it: extract again once it is written.
			if (stamp.equals(stampOf(jar))) {
				Files.writeString(tmp.resolve(STAMP), stamp, StandardCharsets.UTF_8);
				// A running instance keeps its open files: replacing the directory does not disturb it.
				Path old = dir.resolveSibling(dir.getFileName() + ".old");
				deleteTree(old);
				if (Files.exists(dir)) {
					Files.move(dir, old, StandardCopyOption.ATOMIC_MOVE);
				}
				Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
				deleteTree(old);
				return appJar;
			}
			if (attempt == 5) {
				throw new IOException(jar + " keeps changing (a build is writing it?): try again when it is done");
			}
			pause(2000, jar);
		}
	}

	private static void extract(Path jar, Path dir, String appJarName) throws IOException {
		Path java = Path.of(System.getProperty("java.home"), "bin", "java");
		Path output = Files.createTempFile("extract-", ".log");
		try {
			Process tool = new ProcessBuilder(java.toString(), "-Djarmode=tools", "-jar", jar.toString(), "extract",
					"--destination", dir.toString(), "--application-filename", appJarName)
				.redirectErrorStream(true)
				.redirectOutput(output.toFile())
				.start();
			boolean done;
			try {
				done = tool.waitFor(5, TimeUnit.MINUTES);
			}
			catch (InterruptedException ex) {
				tool.destroyForcibly();
				Thread.currentThread().interrupt();
				throw new IOException("Interrupted while extracting " + jar, ex);
			}
			if (!done || tool.exitValue() != 0 || !Files.isRegularFile(dir.resolve(appJarName))) {
				tool.destroyForcibly();
				throw new IOException("Cannot extract " + jar + " with Spring Boot's jar tools (is it a Spring Boot "
						+ "application jar?): " + Files.readString(output, StandardCharsets.UTF_8).strip());
			}
		}
		finally {
			Files.deleteIfExists(output);
		}
	}

	private static void pause(long millis, Path jar) throws IOException {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("Interrupted while extracting " + jar, ex);
		}
	}

	/**
	 * What the jar holds, not when it was written: the name, size and CRC of every entry. A build
	 * rewrites every jar, even unchanged ones; their unpacked copies (and class-data archives) stay.
	 */
	static String stampOf(Path jar) throws IOException {
		MessageDigest digest;
		try {
			digest = MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
		try (ZipFile zip = new ZipFile(jar.toFile())) {
			Enumeration<? extends ZipEntry> entries = zip.entries();
			while (entries.hasMoreElements()) {
				ZipEntry entry = entries.nextElement();
				digest.update((entry.getName() + " " + entry.getSize() + " " + entry.getCrc() + "\n")
					.getBytes(StandardCharsets.UTF_8));
			}
		}
		return jar.toAbsolutePath() + " " + HexFormat.of().formatHex(digest.digest());
	}

	private static String readStamp(Path dir) throws IOException {
		Path stamp = dir.resolve(STAMP);
		return Files.isRegularFile(stamp) ? Files.readString(stamp, StandardCharsets.UTF_8) : "";
	}

	private static void deleteTree(Path dir) throws IOException {
		if (!Files.exists(dir)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(dir)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
	}

}
