package org.chatline.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class ClassDataSharingTests {

	@TempDir
	Path dir;

	@Test
	void recordsTheLoadedClassesOfAServiceWithoutAnArchivePerInstance() {
		Path jar = this.dir.resolve("realtime-service/realtime-service.jar");

		assertThat(ClassDataSharing.jvmOptions(jar, "realtime-service-2")).containsExactly(
				"-XX:DumpLoadedClassList=" + this.dir.resolve("realtime-service/classes-realtime-service-2.lst"));
	}

	@Test
	void usesTheArchiveOnceThereIsOne() throws IOException {
		Path jar = this.dir.resolve("auth-service/auth-service.jar");
		Files.createDirectories(jar.getParent());
		Files.writeString(jar.resolveSibling(ClassDataSharing.ARCHIVE), "archive");

		assertThat(ClassDataSharing.jvmOptions(jar, "auth-service")).containsExactly(
				"-XX:SharedArchiveFile=" + jar.resolveSibling(ClassDataSharing.ARCHIVE), "-Xshare:auto");
	}

}
