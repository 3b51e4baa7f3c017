package org.chatline.launcher;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One instance of a service running as a child JVM ({@code java <opts> -jar <module>.jar}), its output
 * in a log file named after the instance.
 */
final class ServiceProcess {

	/** Secrets the launcher hands to one service each (see {@code Platform.serviceEnvironment}). */
	static final List<String> PER_SERVICE_SECRETS = List.of("CHAT_SERVICE_MASTER_SECRET", "CHAT_SERVICE_SECRET",
			"EUREKA_PASSWORD", "JWT_APP_SECRET");

	private final Instance instance;

	private final Process process;

	private final Path logFile;

	private final long startedAt;

	private ServiceProcess(Instance instance, Process process, Path logFile) {
		this.instance = instance;
		this.process = process;
		this.logFile = logFile;
		this.startedAt = System.nanoTime();
	}

	/**
	 * What a process runs: a service, under a name (the module for the first instance), answering
	 * readiness on {@code httpPort}, with environment variables on top of the platform's.
	 */
	record Instance(PlatformService service, String name, int httpPort, Map<String, String> env) {

		static Instance primary(PlatformService service) {
			return new Instance(service, service.module(), service.readinessPort(), Map.of());
		}

	}

	static ServiceProcess start(Instance instance, Path jar, List<String> javaOpts, Map<String, String> env,
			Path workingDir, Path logsDir) throws IOException {
		Path logFile = logsDir.resolve(instance.name() + ".log");
		if (Files.exists(logFile)) {
			// Keep the previous run's log: it is what one reads after a failed start (or a crash).
			Files.move(logFile, logsDir.resolve(instance.name() + ".log.1"), StandardCopyOption.REPLACE_EXISTING);
		}
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(javaOpts);
		command.add("-jar");
		command.add(jar.toString());
		ProcessBuilder builder = new ProcessBuilder(command).directory(workingDir.toFile())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.to(logFile.toFile()))
			.redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
		// The launcher's own environment is inherited: a secret exported in the shell must reach only
		// the service it is for, which gets it back through env.
		builder.environment().keySet().removeAll(PER_SERVICE_SECRETS);
		builder.environment().putAll(env);
		builder.environment().putAll(instance.env());
		return new ServiceProcess(instance, builder.start(), logFile);
	}

	Instance instance() {
		return this.instance;
	}

	PlatformService service() {
		return this.instance.service();
	}

	String name() {
		return this.instance.name();
	}

	int httpPort() {
		return this.instance.httpPort();
	}

	long pid() {
		return this.process.pid();
	}

	boolean isAlive() {
		return this.process.isAlive();
	}

	Path logFile() {
		return this.logFile;
	}

	double secondsSinceStart() {
		return (System.nanoTime() - this.startedAt) / 1e9;
	}

	/** Asks the service to stop (SIGTERM: Spring's graceful shutdown); {@link #awaitStop} forces it. */
	void requestStop() {
		this.process.destroy();
	}

	/**
	 * Waits for the process to end, killing it (SIGKILL, with its own children) after the grace period.
	 * @return whether it ended by itself within the grace period
	 */
	boolean awaitStop(long graceMillis) {
		try {
			if (this.process.waitFor(graceMillis, TimeUnit.MILLISECONDS)) {
				return true;
			}
			this.process.descendants().forEach(ProcessHandle::destroyForcibly);
			this.process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			this.process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
		return false;
	}

	/**
	 * Why the service did not come up, from its log: Spring Boot's "APPLICATION FAILED TO
	 * START" report when there is one, else the first ERROR line and the root causes, else
	 * the last lines. Stack frames are left out: the log file has them.
	 */
	String failureSummary() {
		return failureSummary(readLogTail(2 * 1024 * 1024));
	}

	static String failureSummary(List<String> lines) {
		int report = indexOf(lines, "APPLICATION FAILED TO START");
		List<String> summary = new ArrayList<>();
		if (report >= 0) {
			lines.subList(report, Math.min(lines.size(), report + 20))
				.stream()
				.filter(l -> !l.isBlank() && !l.startsWith("*****"))
				.forEach(summary::add);
		}
		else {
			lines.stream().filter(l -> l.contains(" ERROR ")).findFirst().ifPresent(summary::add);
			List<String> causes = lines.stream().filter(l -> l.startsWith("Caused by:")).toList();
			summary.addAll(causes.subList(Math.max(0, causes.size() - 3), causes.size()));
			if (summary.isEmpty()) {
				List<String> plain = lines.stream().filter(l -> !l.startsWith("\tat ") && !l.isBlank()).toList();
				summary.addAll(plain.subList(Math.max(0, plain.size() - 15), plain.size()));
			}
		}
		return summary.stream()
			.map(l -> (l.length() > 400) ? l.substring(0, 397) + "..." : l)
			.map(l -> "  | " + l)
			.collect(java.util.stream.Collectors.joining(System.lineSeparator()));
	}

	private List<String> readLogTail(int maxBytes) {
		try (RandomAccessFile file = new RandomAccessFile(this.logFile.toFile(), "r")) {
			long length = file.length();
			long from = Math.max(0, length - maxBytes);
			byte[] bytes = new byte[(int) (length - from)];
			file.seek(from);
			file.readFully(bytes);
			return List.of(new String(bytes, StandardCharsets.UTF_8).split("\\R"));
		}
		catch (IOException ex) {
			return List.of("(no log: " + ex.getMessage() + ")");
		}
	}

	private static int indexOf(List<String> lines, String text) {
		for (int i = 0; i < lines.size(); i++) {
			if (lines.get(i).contains(text)) {
				return i;
			}
		}
		return -1;
	}

	private static java.io.File nullDevice() {
		return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
	}

}
