package org.chatline.message.messages;

/**
 * Accepts one emoji (possibly a sequence: skin tones, ZWJ families, flags, keycaps), nothing else.
 * Java 17 has no {@code Character.isEmoji}, so the check uses the Unicode emoji blocks.
 */
final class Emoji {

	static final int MAX_CODE_POINTS = 16;

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
		boolean hasPictograph = false;
		for (int i = 0; i < cps.length; i++) {
			int cp = cps[i];
			if (isPictograph(cp)) {
				hasPictograph = true;
			}
			else if (isKeycapBase(cp)) {
				// Only as the start of a keycap sequence: digit/#/* + (FE0F) + 20E3.
				int next = i + 1 < cps.length && cps[i + 1] == 0xFE0F ? i + 2 : i + 1;
				if (i != 0 || next >= cps.length || cps[next] != 0x20E3) {
					return false;
				}
				hasPictograph = true;
			}
			else if (!isModifier(cp)) {
				return false;
			}
		}
		return hasPictograph;
	}

	private static boolean isPictograph(int cp) {
		return (cp >= 0x1F000 && cp <= 0x1FAFF) || (cp >= 0x2600 && cp <= 0x27BF) || (cp >= 0x2300 && cp <= 0x23FF)
				|| (cp >= 0x2B00 && cp <= 0x2BFF) || (cp >= 0x2190 && cp <= 0x21FF) || (cp >= 0x25A0 && cp <= 0x25FF)
				|| cp == 0x00A9 || cp == 0x00AE || cp == 0x203C || cp == 0x2049 || cp == 0x2122 || cp == 0x2139
				|| cp == 0x3030 || cp == 0x303D || cp == 0x3297 || cp == 0x3299;
	}

	private static boolean isKeycapBase(int cp) {
		return (cp >= '0' && cp <= '9') || cp == '#' || cp == '*';
	}

	/** Joiners, variation selectors, skin tones, keycap mark and tag characters (subdivision flags). */
	private static boolean isModifier(int cp) {
		return cp == 0x200D || cp == 0xFE0F || cp == 0xFE0E || cp == 0x20E3 || (cp >= 0x1F3FB && cp <= 0x1F3FF)
				|| (cp >= 0xE0020 && cp <= 0xE007F);
	}
}
