package org.chatline.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;

/**
 * Services run from a copy of their jar: a Spring Boot jar reads its nested jars lazily, so
 * a {@code mvn install} that rewrites {@code target/*.jar} under a running service makes it
 * fail with NoClassDefFoundError. A copy is made only when the built jar changed.
 */
final class JarSnapshots {

	private JarSnapshots() {
	}

	static Path snapshot(Path jar, Path copy) throws IOException {
		Files.createDirectories(copy.getParent());
		for (int attempt = 1;; attempt++) {
			long size = Files.size(jar);
			FileTime modified = Files.getLastModifiedTime(jar);
			if (Files.exists(copy) && Files.size(copy) == size && Files.getLastModifiedTime(copy).equals(modified)) {
				return copy;
			}
			Path tmp = copy.resolveSibling(copy.getFileName() + ".tmp");
			Files.copy(jar, tmp, StandardCopyOption.REPLACE_EXISTING);
			// A build rewriting the jar while we copied it: copy again once it is written.
			if (Files.size(jar) == size && Files.getLastModifiedTime(jar).equals(modified) && Files.size(tmp) == size) {
				Files.setLastModifiedTime(tmp, modified);
				Files.move(tmp, copy, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
				return copy;
			}
			if (attempt == 5) {
				throw new IOException(jar + " keeps changing (a build is writing it?): try again when it is done");
			}
			try {
				Thread.sleep(2000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IOException("Interrupted while copying " + jar, ex);
			}
		}
	}

}
