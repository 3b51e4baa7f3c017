package org.chatline.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Services run from an unpacked copy of their Spring Boot jar: an application jar holding
 * {@code BOOT-INF/classes} whose manifest names {@code lib/*.jar} on its class path, as
 * {@code java -Djarmode=tools -jar app.jar extract} lays it out.
 * <p>
 * Two reasons. A JVM loads classes from plain jars on its class path about twice as fast as
 * from jars nested in a jar, which halves each service's start on a small machine. And a
 * {@code mvn install} that rewrites {@code target/*.jar} cannot break a running service: it runs
 * from the copy, which is made again only when the built jar changed.
 */
final class JarSnapshots {

	private static final String CLASSES = "BOOT-INF/classes/";

	private static final String LIB = "BOOT-INF/lib/";

	/** Records which built jar (size and modification time) a directory was unpacked from. */
	private static final String STAMP = ".unpacked-from";

	private JarSnapshots() {
	}

	/**
	 * Unpacks {@code jar} into {@code dir} unless it already holds this very jar, and returns the
	 * application jar to run with {@code java -jar}.
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
			unpack(jar, tmp, appJar.getFileName().toString());
			// A build rewriting the jar while we read it: unpack again once it is written.
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
			try {
				Thread.sleep(2000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IOException("Interrupted while unpacking " + jar, ex);
			}
		}
	}

	private static void unpack(Path jar, Path dir, String appJarName) throws IOException {
		Files.createDirectories(dir.resolve("lib"));
		try (JarFile fat = new JarFile(jar.toFile(), false)) {
			Attributes main = fat.getManifest().getMainAttributes();
			String startClass = main.getValue("Start-Class");
			if (startClass == null) {
				throw new IOException(jar + " is not a Spring Boot application jar (no Start-Class in its manifest)");
			}
			List<String> classPath = new ArrayList<>();
			for (String lib : libraries(fat)) {
				ZipEntry entry = fat.getEntry(LIB + lib);
				try (InputStream in = fat.getInputStream(entry)) {
					Files.copy(in, dir.resolve("lib").resolve(lib));
				}
				classPath.add("lib/" + lib);
			}
			Manifest manifest = new Manifest();
			Attributes attributes = manifest.getMainAttributes();
			attributes.put(Attributes.Name.MANIFEST_VERSION, "1.0");
			attributes.put(Attributes.Name.MAIN_CLASS, startClass);
			attributes.put(Attributes.Name.CLASS_PATH, String.join(" ", classPath));
			// Spring logs the version at start from here.
			copy(main, attributes, Attributes.Name.IMPLEMENTATION_TITLE);
			copy(main, attributes, Attributes.Name.IMPLEMENTATION_VERSION);
			try (OutputStream file = Files.newOutputStream(dir.resolve(appJarName));
					JarOutputStream app = new JarOutputStream(file, manifest)) {
				Enumeration<JarEntry> entries = fat.entries();
				while (entries.hasMoreElements()) {
					JarEntry entry = entries.nextElement();
					String name = entry.getName();
					if (!name.startsWith(CLASSES) || name.length() == CLASSES.length()) {
						continue;
					}
					app.putNextEntry(new ZipEntry(name.substring(CLASSES.length())));
					if (!entry.isDirectory()) {
						try (InputStream in = fat.getInputStream(entry)) {
							in.transferTo(app);
						}
					}
					app.closeEntry();
				}
			}
		}
	}

	/** The nested libraries in class path order ({@code BOOT-INF/classpath.idx}), else in jar order. */
	private static List<String> libraries(JarFile fat) throws IOException {
		List<String> libs = new ArrayList<>();
		ZipEntry index = fat.getEntry("BOOT-INF/classpath.idx");
		if (index != null) {
			try (InputStream in = fat.getInputStream(index)) {
				for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
					// - "BOOT-INF/lib/name.jar"
					int start = line.indexOf(LIB);
					int end = line.lastIndexOf('"');
					if (start >= 0 && end > start) {
						libs.add(line.substring(start + LIB.length(), end));
					}
				}
			}
			return libs;
		}
		fat.stream()
			.map(ZipEntry::getName)
			.filter(n -> n.startsWith(LIB) && n.endsWith(".jar"))
			.forEach(n -> libs.add(n.substring(LIB.length())));
		return libs;
	}

	private static void copy(Attributes from, Attributes to, Attributes.Name name) {
		if (from.getValue(name) != null) {
			to.put(name, from.getValue(name));
		}
	}

	/**
	 * What the jar holds, not when it was written: the name, size and CRC of every entry. A build
	 * rewrites every jar, even unchanged ones; their unpacked copies (and class-data archives) stay.
	 */
	private static String stampOf(Path jar) throws IOException {
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
