package org.chatline.attachment.media;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ContentSnifferTests {

	@Test
	void recognisesTheAcceptedTypesByTheirFirstBytes() {
		assertThat(sniff(MediaFixtures.png(40, 30))).contains(SniffedType.PNG);
		assertThat(sniff(MediaFixtures.jpegWithLocation(40, 30))).contains(SniffedType.JPEG);
		assertThat(sniff(bytes("GIF89a....."))).contains(SniffedType.GIF);
		assertThat(sniff(bytes("RIFF\0\0\0\0WEBPVP8 "))).contains(SniffedType.WEBP);
		assertThat(sniff(bytes("%PDF-1.7\n"))).contains(SniffedType.PDF);
		assertThat(sniff(bytes("\0\0\0\u0018ftypM4A \0\0\0\0"))).contains(SniffedType.M4A);
		assertThat(sniff(bytes("\0\0\0\u0018ftypisom\0\0\0\0"))).contains(SniffedType.MP4);
		assertThat(sniff(new byte[] { 0x1A, 0x45, (byte) 0xDF, (byte) 0xA3, 1 })).contains(SniffedType.WEBM);
		assertThat(sniff(bytes("OggS\0\2"))).contains(SniffedType.OGG);
		assertThat(sniff(bytes("ID3\3\0"))).contains(SniffedType.MP3);
		assertThat(sniff(bytes("hello, world\n"))).contains(SniffedType.TEXT);
	}

	@Test
	void recognisesProgramsWhateverTheyAreCalled() {
		assertThat(sniff(MediaFixtures.windowsExecutable())).contains(SniffedType.EXECUTABLE);
		assertThat(sniff(new byte[] { 0x7F, 'E', 'L', 'F', 2, 1 })).contains(SniffedType.EXECUTABLE);
		assertThat(sniff(bytes("#!/bin/sh\nrm -rf /\n"))).contains(SniffedType.EXECUTABLE);
	}

	@Test
	void binaryOfNoKnownTypeIsNothing() {
		assertThat(sniff(new byte[] { 0, 1, 2, 3, 4 })).isEmpty();
		assertThat(sniff(new byte[0])).isEmpty();
	}

	@Test
	void declaredTypesOutsideThePolicyAreRefused() {
		assertThat(MediaPolicy.declared("image/svg+xml")).isEmpty();
		assertThat(MediaPolicy.declared("text/html")).isEmpty();
		assertThat(MediaPolicy.declared("application/x-msdownload")).isEmpty();
		assertThat(MediaPolicy.declared("IMAGE/JPG; q=1")).hasValueSatisfying(a -> {
			assertThat(a.contentType()).isEqualTo("image/jpeg");
			assertThat(a.kind()).isEqualTo("IMAGE");
		});
		assertThat(MediaPolicy.declared("image/png").orElseThrow().matches(SniffedType.EXECUTABLE)).isFalse();
	}

	private static Optional<SniffedType> sniff(byte[] data) {
		return ContentSniffer.sniff(data);
	}

	private static byte[] bytes(String s) {
		return s.getBytes(StandardCharsets.ISO_8859_1);
	}
}
