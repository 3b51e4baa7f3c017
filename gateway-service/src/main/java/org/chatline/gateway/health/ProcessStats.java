package org.chatline.gateway.health;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Resident memory and CPU time of this process, from {@code /proc} where it exists. */
record ProcessStats(long rssBytes, long userMicros, long systemMicros) {

	/** Linux reports CPU time in clock ticks of 1/100 s on every mainstream kernel. */
	private static final long MICROS_PER_TICK = 10_000;

	static ProcessStats read() {
		long rss = -1;
		long user = -1;
		long system = -1;
		try {
			List<String> status = Files.readAllLines(Path.of("/proc/self/status"));
			for (String line : status) {
				if (line.startsWith("VmRSS:")) {
					rss = Long.parseLong(line.replaceAll("\\D", "")) * 1024;
				}
			}
			String stat = Files.readString(Path.of("/proc/self/stat"));
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			user = Long.parseLong(fields[11]) * MICROS_PER_TICK;
			system = Long.parseLong(fields[12]) * MICROS_PER_TICK;
		}
		catch (IOException | RuntimeException ex) {
			// Not Linux: report what the JVM knows and -1 for the rest.
		}
		return new ProcessStats(rss, user, system);
	}
}
