package org.chatline.common.api;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ImageUrlsTests {

	@Test
	void acceptsPlainHttpOnlyWhenAllowed() {
		assertThat(ImageUrls.problem("http://localhost:5173/a.png", false)).isNotNull();
		assertThat(ImageUrls.problem("http://localhost:5173/a.png", true)).isNull();
		assertThat(ImageUrls.problem("https://example.com/a.png", true)).isNull();
	}

	@Test
	void refusesScriptsDataAndRelativeUrlsEvenWhenHttpIsAllowed() {
		for (String bad : new String[] { "javascript:alert(1)", "data:image/png;base64,AA==", "/a.png", "//x.example/a",
				"ftp://x.example/a", "http://u:p@x.example/a", "http:x.example", "http://", "\thttp://x.example/a" }) {
			assertThat(ImageUrls.problem(bad, true)).as(bad).isNotNull();
		}
	}
}
