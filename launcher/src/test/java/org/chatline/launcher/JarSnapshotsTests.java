package org.chatline.launcher;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The extraction itself, on a real Spring Boot jar, is in {@link JarSnapshotsIT}. */
class JarSnapshotsTests {

	@TempDir
	Path tmp;

	@Test
	void aJarRewrittenWithTheSameContentKeepsItsStampAndAChangedOneDoesNot() throws IOException {
		Path jar = this.tmp.resolve("demo-service-1.2.3.jar");
		String first = JarSnapshots.stampOf(jar("version: one"));

		// A build rewrites every jar, even unchanged ones: the extracted copy (and its class archive) stays.
		assertThat(JarSnapshots.stampOf(jar("version: one"))).isEqualTo(first);
		assertThat(JarSnapshots.stampOf(jar("version: two"))).isNotEqualTo(first).startsWith(jar.toString());
	}

	@Test
	void refusesAJarThatIsNotASpringBootApplication() throws IOException {
		Path plain = jar("version: one");

		assertThatExceptionOfType(IOException.class)
			.isThrownBy(() -> JarSnapshots.snapshot(plain, this.tmp.resolve("jars/plain")))
			.withMessageContaining("Cannot extract " + plain);
		assertThat(this.tmp.resolve("jars/plain")).doesNotExist();
	}

	private Path jar(String content) throws IOException {
		Path file = this.tmp.resolve("demo-service-1.2.3.jar");
		Manifest manifest = new Manifest();
		manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
		try (OutputStream out = Files.newOutputStream(file); JarOutputStream jar = new JarOutputStream(out, manifest)) {
			jar.putNextEntry(new ZipEntry("application.yml"));
			jar.write(content.getBytes(StandardCharsets.UTF_8));
			jar.closeEntry();
		}
		return file;
	}

}
