package org.chatline.attachment.media;

/** A type recognised from a file's first bytes by {@link ContentSniffer}. */
public enum SniffedType {

	PNG, JPEG, GIF, WEBP, PDF, ZIP,
	/** No binary signature and no control byte in the head: plain text (HTML and SVG too: served as downloads). */
	TEXT,
	/** ISO base media with a video brand. */
	MP4, QUICKTIME,
	/** Matroska/WebM: video, or a voice note recorded by a browser. */
	WEBM,
	/** ISO base media with an audio brand. */
	M4A, OGG,
	/** MPEG audio frames or an ID3 tag (MP3, and AAC in ADTS frames). */
	MP3, WAV,
	/** Programs (Windows PE, ELF, Mach-O, scripts with {@code #!}): never accepted, whatever they are called. */
	EXECUTABLE
}
