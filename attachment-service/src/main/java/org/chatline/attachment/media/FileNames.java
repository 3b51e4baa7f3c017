package org.chatline.attachment.media;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

/**
 * A client's file name made safe to store and to offer back in {@code Content-Disposition}: no
 * folders, no control, bidirectional-override or invisible characters (which make {@code
 * "photo\u202Egpj.exe"} look like {@code photo.exe}-free), none of the characters file systems
 * refuse, no leading dots, at most 200 UTF-8 bytes with the extension kept.
 */
public final class FileNames {

	static final int MAX_BYTES = 200;

	private FileNames() {
	}

	public static String sanitise(String name) {
		String base = name == null ? "" : Normalizer.normalize(name, Normalizer.Form.NFC);
		base = base.substring(Math.max(base.lastIndexOf('/'), base.lastIndexOf('\\')) + 1);
		StringBuilder clean = new StringBuilder(base.length());
		base.codePoints().forEach(c -> {
			if (Character.isISOControl(c) || "<>:\"|?*".indexOf(c) >= 0) {
				clean.append('_');
			}
			else if (Character.getType(c) == Character.FORMAT || Character.isWhitespace(c)) {
				// Bidi overrides, zero-width characters; any whitespace becomes one plain space.
				if (Character.isWhitespace(c)) {
					clean.append(' ');
				}
			}
			else {
				clean.appendCodePoint(c);
			}
		});
		String result = clean.toString().replaceAll(" {2,}", " ").strip().replaceAll("^[.\\s]+|[.\\s]+$", "");
		if (result.isEmpty()) {
			return "file";
		}
		return truncate(result);
	}

	/** Keeps the extension (up to 16 characters) and cuts the stem so the name fits in {@link #MAX_BYTES}. */
	private static String truncate(String name) {
		if (name.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES) {
			return name;
		}
		int dot = name.lastIndexOf('.');
		String extension = (dot > 0 && name.length() - dot <= 16) ? name.substring(dot) : "";
		String stem = extension.isEmpty() ? name : name.substring(0, dot);
		int budget = MAX_BYTES - extension.getBytes(StandardCharsets.UTF_8).length;
		StringBuilder cut = new StringBuilder();
		int used = 0;
		for (int i = 0; i < stem.length();) {
			int c = stem.codePointAt(i);
			int size = new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8).length;
			if (used + size > budget) {
				break;
			}
			cut.appendCodePoint(c);
			used += size;
			i += Character.charCount(c);
		}
		return cut + extension;
	}
}
