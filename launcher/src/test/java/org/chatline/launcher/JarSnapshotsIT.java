package org.chatline.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarFile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Extraction with Spring Boot's jar tools, on a real service jar (discovery-service's, built before the
 * launcher). Starts no platform.
 */
class JarSnapshotsIT {

	@TempDir
	Path tmp;

	@Test
	void extractsAnApplicationJarWithItsLibrariesOnTheClassPathAndKeepsItWhileTheJarIsUnchanged() throws IOException {
		Path built = PlatformConfig.fromEnvironment().jarOf(PlatformService.DISCOVERY);
		Path bootJar = Files.copy(built, this.tmp.resolve("demo-service-1.0.jar"));
		String startClass;
		try (JarFile fat = new JarFile(built.toFile())) {
			startClass = fat.getManifest().getMainAttributes().getValue("Start-Class");
		}
		Path dir = this.tmp.resolve("jars/demo-service");

		Path app = JarSnapshots.snapshot(bootJar, dir);

		assertThat(app).isEqualTo(dir.resolve("demo-service.jar"));
		try (JarFile jar = new JarFile(app.toFile())) {
			Attributes main = jar.getManifest().getMainAttributes();
			assertThat(main.getValue(Attributes.Name.MAIN_CLASS)).isEqualTo(startClass);
			assertThat(main.getValue(Attributes.Name.CLASS_PATH).split(" ")).isNotEmpty()
				.allSatisfy(lib -> assertThat(dir.resolve(lib)).as(lib).startsWith(dir.resolve("lib")).isRegularFile());
			assertThat(jar.getEntry(startClass.replace('.', '/') + ".class")).isNotNull();
		}

		Files.writeString(dir.resolve("app.jsa"), "a class archive of this very jar");
		Files.copy(built, bootJar, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
		JarSnapshots.snapshot(bootJar, dir);
		assertThat(dir.resolve("app.jsa")).as("kept: the jar was rewritten with the same content").exists();
	}

}
