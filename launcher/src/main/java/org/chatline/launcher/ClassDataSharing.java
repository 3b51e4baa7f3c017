package org.chatline.launcher;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Class-data sharing for the service JVMs: a service whose unpacked jar has an archive of its
 * classes ({@code app.jsa}, next to the jar) maps it at start instead of loading, parsing and
 * verifying about 24,000 classes, which halves its start on a small machine.
 * <p>
 * A service without an archive records the classes it loads ({@code -XX:DumpLoadedClassList}, at
 * no measurable cost). Once the platform is up, {@link #archiveInBackground} turns those lists
 * into archives, one service at a time at the lowest CPU priority, for the next start. An archive
 * lives in the unpacked jar's folder, so a rebuilt jar (unpacked again) drops it. If the JVM cannot
 * use an archive (other JVM options, another JDK) it starts without it.
 */
final class ClassDataSharing implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(ClassDataSharing.class);

	static final String ARCHIVE = "app.jsa";

	/** A class list shorter than this was cut short (a service that failed early): not worth archiving. */
	private static final int MIN_CLASSES = 2000;

	private final Thread worker;

	private volatile Process dump;

	private volatile boolean closed;

	private ClassDataSharing(Map<PlatformService, Path> pending, List<String> javaOpts) {
		this.worker = new Thread(() -> archive(pending, javaOpts), "class-data-sharing");
		this.worker.setDaemon(true);
	}

	/** The JVM options that use the service's archive, or record its classes for one. */
	static List<String> jvmOptions(Path appJar, String instance) {
		Path archive = appJar.resolveSibling(ARCHIVE);
		if (Files.isRegularFile(archive)) {
			return List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:auto");
		}
		return List.of("-XX:DumpLoadedClassList=" + classList(appJar, instance));
	}

	private static Path classList(Path appJar, String instance) {
		return appJar.resolveSibling("classes-" + instance + ".lst");
	}

	/**
	 * Archives, in the background, the classes of every service that has a class list and no
	 * archive yet; {@link #close} stops it.
	 * @param jars the unpacked application jar of each service
	 * @param javaOpts the services' JVM options (the archive must suit them)
	 */
	static ClassDataSharing archiveInBackground(Map<PlatformService, Path> jars, List<String> javaOpts) {
		Map<PlatformService, Path> pending = new LinkedHashMap<>(jars);
		pending.entrySet()
			.removeIf(e -> Files.exists(e.getValue().resolveSibling(ARCHIVE))
					|| lines(classList(e.getValue(), e.getKey().module())) < MIN_CLASSES);
		ClassDataSharing sharing = new ClassDataSharing(pending, javaOpts);
		if (!pending.isEmpty()) {
			log.info("Archiving the classes of {} service(s) in the background, at low priority, for a faster "
					+ "next start (CHAT_CDS=off to skip)", pending.size());
			sharing.worker.start();
		}
		return sharing;
	}

	private void archive(Map<PlatformService, Path> appJars, List<String> javaOpts) {
		for (Map.Entry<PlatformService, Path> service : appJars.entrySet()) {
			if (this.closed) {
				return;
			}
			String module = service.getKey().module();
			Path appJar = service.getValue();
			Path tmp = appJar.resolveSibling(ARCHIVE + ".tmp");
			List<String> command = new ArrayList<>();
			if (new File("/usr/bin/nice").canExecute()) {
				command.addAll(List.of("/usr/bin/nice", "-n", "19"));
			}
			command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
			command.addAll(javaOpts);
			command.addAll(List.of("-Xshare:dump", "-XX:SharedClassListFile=" + classList(appJar, module),
					"-XX:SharedArchiveFile=" + tmp, "-cp", appJar.toString()));
			long t0 = System.nanoTime();
			try {
				this.dump = new ProcessBuilder(command).redirectErrorStream(true)
					.redirectOutput(ProcessBuilder.Redirect.DISCARD)
					.start();
				if (!this.dump.waitFor(10, TimeUnit.MINUTES) || this.dump.exitValue() != 0 || this.closed) {
					this.dump.destroyForcibly();
					Files.deleteIfExists(tmp);
					continue;
				}
				Files.move(tmp, appJar.resolveSibling(ARCHIVE), StandardCopyOption.ATOMIC_MOVE);
				log.info("Archived the classes of {} in {} s", module, (System.nanoTime() - t0) / 1_000_000_000);
			}
			catch (IOException ex) {
				log.warn("Could not archive the classes of {}: {}", module, ex.getMessage());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	private static long lines(Path file) {
		if (!Files.isRegularFile(file)) {
			return 0;
		}
		try (var lines = Files.lines(file)) {
			return lines.count();
		}
		catch (IOException | java.io.UncheckedIOException ex) {
			return 0;
		}
	}

	@Override
	public void close() {
		this.closed = true;
		Process running = this.dump;
		if (running != null) {
			running.destroyForcibly();
		}
		this.worker.interrupt();
	}

}
