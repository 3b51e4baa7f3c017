package org.chatline.common.api;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * An image URL a client may be told to load: absolute {@code https://} (or {@code http://} when
 * allowed) with a host and without credentials. Anything else, {@code javascript:} and
 * {@code data:} above all, would be rendered by some client as a link or an image it should not be.
 * One rule for every stored image URL (avatars, group covers).
 */
public final class ImageUrls {

	private ImageUrls() {
	}

	/** Why {@code url} is not acceptable, or null when it is. */
	public static String problem(String url, boolean allowHttp) {
		String expected = allowHttp ? "must be an absolute http:// or https:// URL" : "must be an absolute https:// URL";
		if (url.chars().anyMatch(c -> c <= 0x20 || c == 0x7F)) {
			return expected;
		}
		URI uri;
		try {
			uri = new URI(url);
		}
		catch (URISyntaxException ex) {
			return expected;
		}
		String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
		if (!(scheme.equals("https") || (allowHttp && scheme.equals("http"))) || uri.isOpaque()
				|| uri.getHost() == null || uri.getHost().isEmpty()) {
			return expected;
		}
		if (uri.getRawUserInfo() != null) {
			return "must not contain credentials";
		}
		return null;
	}
}
