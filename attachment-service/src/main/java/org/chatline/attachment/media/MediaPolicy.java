package org.chatline.attachment.media;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.chatline.attachment.media.SniffedType.GIF;
import static org.chatline.attachment.media.SniffedType.JPEG;
import static org.chatline.attachment.media.SniffedType.M4A;
import static org.chatline.attachment.media.SniffedType.MP3;
import static org.chatline.attachment.media.SniffedType.MP4;
import static org.chatline.attachment.media.SniffedType.OGG;
import static org.chatline.attachment.media.SniffedType.PDF;
import static org.chatline.attachment.media.SniffedType.PNG;
import static org.chatline.attachment.media.SniffedType.QUICKTIME;
import static org.chatline.attachment.media.SniffedType.TEXT;
import static org.chatline.attachment.media.SniffedType.WAV;
import static org.chatline.attachment.media.SniffedType.WEBM;
import static org.chatline.attachment.media.SniffedType.WEBP;
import static org.chatline.attachment.media.SniffedType.ZIP;

/**
 * The content types a client may declare, the message type (kind) each is sent as, and the types
 * the bytes may really have for it. Anything not listed (SVG, HTML, programs) is refused: such a
 * file could run script in a browser or on a machine.
 */
public final class MediaPolicy {

	/** A declared type that is allowed: its kind, and what its bytes may be. */
	public record Allowed(String contentType, String kind, Set<SniffedType> bytes) {

		public boolean matches(SniffedType sniffed) {
			return bytes.contains(sniffed);
		}
	}

	private static final Map<String, Allowed> ALLOWED = Map.ofEntries(
			entry("image/png", "IMAGE", PNG), entry("image/jpeg", "IMAGE", JPEG), entry("image/gif", "IMAGE", GIF),
			entry("image/webp", "IMAGE", WEBP),
			entry("video/mp4", "VIDEO", MP4, M4A), entry("video/webm", "VIDEO", WEBM),
			entry("video/quicktime", "VIDEO", QUICKTIME, MP4),
			entry("audio/mpeg", "VOICE", MP3), entry("audio/ogg", "VOICE", OGG), entry("audio/webm", "VOICE", WEBM),
			entry("audio/mp4", "VOICE", M4A, MP4), entry("audio/aac", "VOICE", MP3, M4A),
			entry("audio/wav", "VOICE", WAV),
			entry("application/pdf", "FILE", PDF), entry("application/zip", "FILE", ZIP),
			entry("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "FILE", ZIP),
			entry("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "FILE", ZIP),
			entry("application/vnd.openxmlformats-officedocument.presentationml.presentation", "FILE", ZIP),
			entry("application/vnd.oasis.opendocument.text", "FILE", ZIP),
			entry("application/vnd.oasis.opendocument.spreadsheet", "FILE", ZIP),
			entry("text/plain", "FILE", TEXT), entry("text/csv", "FILE", TEXT), entry("text/markdown", "FILE", TEXT),
			entry("application/json", "FILE", TEXT));

	/** Other names clients use for the same types. */
	private static final Map<String, String> ALIASES = Map.of("audio/x-m4a", "audio/mp4", "audio/mp3", "audio/mpeg",
			"audio/x-wav", "audio/wav", "audio/wave", "audio/wav", "image/jpg", "image/jpeg");

	private MediaPolicy() {
	}

	/** The declared type, without parameters and in its usual name, if it may be uploaded. */
	public static Optional<Allowed> declared(String contentType) {
		if (contentType == null) {
			return Optional.empty();
		}
		String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
		return Optional.ofNullable(ALLOWED.get(ALIASES.getOrDefault(type, type)));
	}

	private static Map.Entry<String, Allowed> entry(String type, String kind, SniffedType... bytes) {
		return Map.entry(type, new Allowed(type, kind, Set.of(bytes)));
	}
}
