package org.chatline.message.messages;

/**
 * Accepts one emoji grapheme as emoji are written, nothing else: a pictograph, optionally with
 * variation selector 16 and a skin tone, several of those joined by single zero-width joiners
 * (families, professions, the rainbow flag), a keycap ({@code 1️⃣}), a flag of two regional
 * indicators, or a subdivision flag (black flag, tag letters or digits, cancel tag).
 *
 * <p>Everything invisible is refused where real emoji do not use it: tag characters outside a
 * subdivision flag (they can smuggle text that renders as nothing), a joiner at either end or
 * doubled, text presentation (VS15), zero-width spaces, direction marks, controls. Java 17 has no
 * {@code Character.isEmoji}, so pictographs are the Unicode emoji blocks.
 */
final class Emoji {

	static final int MAX_CODE_POINTS = 16;

	private static final int ZWJ = 0x200D;

	private static final int VS16 = 0xFE0F;

	private static final int KEYCAP = 0x20E3;

	private static final int BLACK_FLAG = 0x1F3F4;

	private static final int CANCEL_TAG = 0xE007F;

	private Emoji() {
	}

	static boolean isValid(String value) {
		if (value == null || value.isEmpty() || value.length() > 64) {
			return false;
		}
		int[] cps = value.codePoints().toArray();
		if (cps.length > MAX_CODE_POINTS) {
			return false;
		}
		if (isKeycapBase(cps[0])) {
			return isKeycap(cps);
		}
		if (isRegionalIndicator(cps[0])) {
			return cps.length == 2 && isRegionalIndicator(cps[1]);
		}
		if (cps[0] == BLACK_FLAG && cps.length > 1 && isTag(cps[1])) {
			return isSubdivisionFlag(cps);
		}
		return isZwjSequence(cps);
	}

	/** digit, # or * + (VS16) + combining enclosing keycap. */
	private static boolean isKeycap(int[] cps) {
		return (cps.length == 2 && cps[1] == KEYCAP) || (cps.length == 3 && cps[1] == VS16 && cps[2] == KEYCAP);
	}

	/** Black flag + 2 to 6 tag letters or digits + cancel tag ({@code gbsct}: Scotland). */
	private static boolean isSubdivisionFlag(int[] cps) {
		int tags = cps.length - 2;
		if (tags < 2 || tags > 6 || cps[cps.length - 1] != CANCEL_TAG) {
			return false;
		}
		for (int i = 1; i < cps.length - 1; i++) {
			int tag = cps[i];
			if (!((tag >= 0xE0061 && tag <= 0xE007A) || (tag >= 0xE0030 && tag <= 0xE0039))) {
				return false;
			}
		}
		return true;
	}

	/** element (ZWJ element)*, where element = pictograph [VS16] [skin tone] [VS16]. */
	private static boolean isZwjSequence(int[] cps) {
		int i = 0;
		while (true) {
			if (i >= cps.length || !isPictograph(cps[i])) {
				return false;
			}
			i++;
			if (i < cps.length && cps[i] == VS16) {
				i++;
			}
			if (i < cps.length && isSkinTone(cps[i]) && !isSkinTone(cps[i - 1])) {
				i++;
				if (i < cps.length && cps[i] == VS16) {
					i++;
				}
			}
			if (i == cps.length) {
				return true;
			}
			if (cps[i] != ZWJ) {
				return false;
			}
			i++;
		}
	}

	private static boolean isPictograph(int cp) {
		return ((cp >= 0x1F000 && cp <= 0x1FAFF) && !isRegionalIndicator(cp)) || (cp >= 0x2600 && cp <= 0x27BF)
				|| (cp >= 0x2300 && cp <= 0x23FF) || (cp >= 0x2B00 && cp <= 0x2BFF) || (cp >= 0x2190 && cp <= 0x21FF)
				|| (cp >= 0x25A0 && cp <= 0x25FF) || cp == 0x00A9 || cp == 0x00AE || cp == 0x203C || cp == 0x2049
				|| cp == 0x2122 || cp == 0x2139 || cp == 0x3030 || cp == 0x303D || cp == 0x3297 || cp == 0x3299;
	}

	private static boolean isKeycapBase(int cp) {
		return (cp >= '0' && cp <= '9') || cp == '#' || cp == '*';
	}

	private static boolean isRegionalIndicator(int cp) {
		return cp >= 0x1F1E6 && cp <= 0x1F1FF;
	}

	private static boolean isSkinTone(int cp) {
		return cp >= 0x1F3FB && cp <= 0x1F3FF;
	}

	private static boolean isTag(int cp) {
		return cp >= 0xE0020 && cp <= 0xE007F;
	}
}
