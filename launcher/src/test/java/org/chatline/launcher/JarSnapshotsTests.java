package org.chatline.launcher;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class JarSnapshotsTests {

	@TempDir
	Path tmp;

	@Test
	void unpacksABootJarIntoAnApplicationJarWithItsLibrariesOnTheClassPathInIndexOrder() throws IOException {
		Path fat = bootJar("one");

		Path app = JarSnapshots.snapshot(fat, this.tmp.resolve("jars/demo-service"));

		assertThat(app).isEqualTo(this.tmp.resolve("jars/demo-service/demo-service.jar"));
		assertThat(app.resolveSibling("lib/b-lib.jar")).exists();
		assertThat(app.resolveSibling("lib/a-lib.jar")).exists();
		try (JarFile jar = new JarFile(app.toFile())) {
			Attributes main = jar.getManifest().getMainAttributes();
			assertThat(main.getValue(Attributes.Name.MAIN_CLASS)).isEqualTo("org.example.DemoApplication");
			assertThat(main.getValue(Attributes.Name.CLASS_PATH)).isEqualTo("lib/b-lib.jar lib/a-lib.jar");
			assertThat(main.getValue(Attributes.Name.IMPLEMENTATION_VERSION)).isEqualTo("1.2.3");
			assertThat(new String(jar.getInputStream(jar.getEntry("application.yml")).readAllBytes(),
					StandardCharsets.UTF_8)).isEqualTo("version: one");
			assertThat(jar.getEntry("org/springframework/boot/loader/launch/JarLauncher.class")).isNull();
		}
	}

	@Test
	void unpacksAgainOnlyWhenWhatTheJarHoldsChanged() throws IOException {
		Path fat = bootJar("one");
		Path dir = this.tmp.resolve("jars/demo-service");
		Path app = JarSnapshots.snapshot(fat, dir);
		Files.writeString(dir.resolve("marker"), "left by the first unpacking");

		JarSnapshots.snapshot(fat, dir);
		assertThat(dir.resolve("marker")).exists();

		// Rebuilt with the same content (a build rewrites every jar): kept.
		bootJar("one");
		JarSnapshots.snapshot(fat, dir);
		assertThat(dir.resolve("marker")).exists();

		bootJar("two");
		JarSnapshots.snapshot(fat, dir);
		assertThat(dir.resolve("marker")).doesNotExist();
		try (JarFile jar = new JarFile(app.toFile())) {
			assertThat(new String(jar.getInputStream(jar.getEntry("application.yml")).readAllBytes(),
					StandardCharsets.UTF_8)).isEqualTo("version: two");
		}
	}

	@Test
	void refusesAJarThatIsNotASpringBootApplication() throws IOException {
		Path plain = this.tmp.resolve("plain.jar");
		try (OutputStream out = Files.newOutputStream(plain); JarOutputStream jar = new JarOutputStream(out, manifest())) {
			jar.putNextEntry(new ZipEntry("a.txt"));
		}

		assertThatExceptionOfType(IOException.class)
			.isThrownBy(() -> JarSnapshots.snapshot(plain, this.tmp.resolve("jars/plain")))
			.withMessageContaining("Start-Class");
	}

	/** A Spring Boot jar in miniature: start class, classes, two nested libraries and their index. */
	private Path bootJar(String version) throws IOException {
		Path fat = this.tmp.resolve("demo-service-1.2.3.jar");
		Manifest manifest = manifest();
		manifest.getMainAttributes().putValue("Main-Class", "org.springframework.boot.loader.launch.JarLauncher");
		manifest.getMainAttributes().putValue("Start-Class", "org.example.DemoApplication");
		manifest.getMainAttributes().put(Attributes.Name.IMPLEMENTATION_VERSION, "1.2.3");
		try (OutputStream out = Files.newOutputStream(fat); JarOutputStream jar = new JarOutputStream(out, manifest)) {
			entry(jar, "org/springframework/boot/loader/launch/JarLauncher.class", new byte[] { 1 });
			jar.putNextEntry(new ZipEntry("BOOT-INF/classes/"));
			entry(jar, "BOOT-INF/classes/application.yml", ("version: " + version).getBytes(StandardCharsets.UTF_8));
			entry(jar, "BOOT-INF/classes/org/example/DemoApplication.class", new byte[] { 2 });
			entry(jar, "BOOT-INF/lib/a-lib.jar", new byte[] { 3 });
			entry(jar, "BOOT-INF/lib/b-lib.jar", new byte[] { 4 });
			entry(jar, "BOOT-INF/classpath.idx",
					"- \"BOOT-INF/lib/b-lib.jar\"\n- \"BOOT-INF/lib/a-lib.jar\"\n".getBytes(StandardCharsets.UTF_8));
		}
		return fat;
	}

	private static Manifest manifest() {
		Manifest manifest = new Manifest();
		manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
		return manifest;
	}

	private static void entry(JarOutputStream jar, String name, byte[] content) throws IOException {
		jar.putNextEntry(new ZipEntry(name));
		jar.write(content);
		jar.closeEntry();
	}

}
