package org.chatline.attachment.media;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * What a file really is, from its first bytes (its "magic number"), never from its name or the type
 * a client declared: an {@code .exe} renamed {@code .png} is a program. {@link #HEAD} bytes are
 * enough for every signature known here.
 */
public final class ContentSniffer {

	/** How many leading bytes {@link #sniff} looks at. */
	public static final int HEAD = 512;

	private ContentSniffer() {
	}

	/** The type of a file starting with {@code head}; empty when it is none of the known types. */
	public static Optional<SniffedType> sniff(byte[] head) {
		if (startsWith(head, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
			return Optional.of(SniffedType.PNG);
		}
		if (startsWith(head, 0, 0xFF, 0xD8, 0xFF)) {
			return Optional.of(SniffedType.JPEG);
		}
		if (ascii(head, 0, "GIF87a") || ascii(head, 0, "GIF89a")) {
			return Optional.of(SniffedType.GIF);
		}
		if (ascii(head, 0, "RIFF") && ascii(head, 8, "WEBP")) {
			return Optional.of(SniffedType.WEBP);
		}
		if (ascii(head, 0, "RIFF") && ascii(head, 8, "WAVE")) {
			return Optional.of(SniffedType.WAV);
		}
		if (ascii(head, 0, "%PDF-")) {
			return Optional.of(SniffedType.PDF);
		}
		if (startsWith(head, 0, 'P', 'K', 0x03, 0x04)) {
			return Optional.of(SniffedType.ZIP);
		}
		if (ascii(head, 4, "ftyp")) {
			return Optional.of(isoBrand(head));
		}
		if (startsWith(head, 0, 0x1A, 0x45, 0xDF, 0xA3)) {
			return Optional.of(SniffedType.WEBM);
		}
		if (ascii(head, 0, "OggS")) {
			return Optional.of(SniffedType.OGG);
		}
		if (ascii(head, 0, "ID3") || (head.length > 1 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xE0) == 0xE0)) {
			return Optional.of(SniffedType.MP3);
		}
		if (ascii(head, 0, "MZ") || startsWith(head, 0, 0x7F, 'E', 'L', 'F') || startsWith(head, 0, 0xCA, 0xFE, 0xBA, 0xBE)
				|| startsWith(head, 0, 0xCF, 0xFA, 0xED, 0xFE) || startsWith(head, 0, 0xCE, 0xFA, 0xED, 0xFE)
				|| ascii(head, 0, "#!")) {
			return Optional.of(SniffedType.EXECUTABLE);
		}
		if (head.length > 0 && isText(head)) {
			return Optional.of(SniffedType.TEXT);
		}
		return Optional.empty();
	}

	/** An ISO base media file (MP4 family): its major brand says audio (M4A), QuickTime or video. */
	private static SniffedType isoBrand(byte[] head) {
		if (ascii(head, 8, "M4A ") || ascii(head, 8, "M4B ")) {
			return SniffedType.M4A;
		}
		if (ascii(head, 8, "qt  ")) {
			return SniffedType.QUICKTIME;
		}
		return SniffedType.MP4;
	}

	/** No NUL and no other C0 control byte but tab, line feed, form feed and carriage return. */
	private static boolean isText(byte[] head) {
		for (byte b : head) {
			int c = b & 0xFF;
			if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') {
				return false;
			}
		}
		return true;
	}

	private static boolean startsWith(byte[] data, int offset, int... bytes) {
		if (data.length < offset + bytes.length) {
			return false;
		}
		for (int i = 0; i < bytes.length; i++) {
			if ((data[offset + i] & 0xFF) != bytes[i]) {
				return false;
			}
		}
		return true;
	}

	private static boolean ascii(byte[] data, int offset, String text) {
		byte[] expected = text.getBytes(StandardCharsets.US_ASCII);
		return data.length >= offset + expected.length
				&& Arrays.equals(data, offset, offset + expected.length, expected, 0, expected.length);
	}
}
