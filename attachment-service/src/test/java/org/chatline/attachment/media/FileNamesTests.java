package org.chatline.attachment.media;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FileNamesTests {

	@Test
	void keepsOrdinaryNames() {
		assertThat(FileNames.sanitise("Holiday photo.jpg")).isEqualTo("Holiday photo.jpg");
		assertThat(FileNames.sanitise("Überweisung März.pdf")).isEqualTo("Überweisung März.pdf");
	}

	@Test
	void dropsFoldersControlAndInvisibleCharacters() {
		assertThat(FileNames.sanitise("../../etc/passwd")).isEqualTo("passwd");
		assertThat(FileNames.sanitise("C:\\Users\\me\\report.pdf")).isEqualTo("report.pdf");
		assertThat(FileNames.sanitise("photo\u202Egpj.exe")).isEqualTo("photogpj.exe");
		assertThat(FileNames.sanitise("a\u0000b\nc.txt")).isEqualTo("a_b_c.txt");
		assertThat(FileNames.sanitise("what?<is>|this*.txt")).isEqualTo("what__is__this_.txt");
		assertThat(FileNames.sanitise("...hidden")).isEqualTo("hidden");
		assertThat(FileNames.sanitise("  ")).isEqualTo("file");
		assertThat(FileNames.sanitise("/")).isEqualTo("file");
	}

	@Test
	void shortensLongNamesKeepingTheExtension() {
		String name = FileNames.sanitise("é".repeat(500) + ".jpeg");
		assertThat(name).endsWith(".jpeg");
		assertThat(name.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(FileNames.MAX_BYTES);
	}
}
