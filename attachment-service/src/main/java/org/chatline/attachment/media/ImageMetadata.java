package org.chatline.attachment.media;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Removes the metadata a camera or phone writes into a photo (EXIF with the GPS location, XMP, IPTC,
 * text chunks) without re-encoding the image, so what other participants download says nothing but
 * the picture. JPEG: the APP1 (EXIF, XMP), APP13 (IPTC) and COM segments are dropped, everything from
 * the start of the scan on is copied as it is. PNG: the {@code eXIf}, {@code tEXt}, {@code zTXt},
 * {@code iTXt} and {@code tIME} chunks are dropped. Other types are copied unchanged.
 */
public final class ImageMetadata {

	private static final Set<String> PNG_METADATA = Set.of("eXIf", "tEXt", "zTXt", "iTXt", "tIME");

	private ImageMetadata() {
	}

	/** Copies {@code in} to {@code out} without its metadata; neither stream is closed. */
	public static void strip(SniffedType type, InputStream in, OutputStream out) throws IOException {
		switch (type) {
			case JPEG -> stripJpeg(new DataInputStream(in), out);
			case PNG -> stripPng(new DataInputStream(in), out);
			default -> in.transferTo(out);
		}
	}

	private static void stripJpeg(DataInputStream in, OutputStream out) throws IOException {
		int soi = in.readUnsignedShort();
		if (soi != 0xFFD8) {
			throw new IOException("Not a JPEG");
		}
		out.write(0xFF);
		out.write(0xD8);
		while (true) {
			int marker = in.readUnsignedByte();
			if (marker != 0xFF) {
				throw new IOException("Malformed JPEG segment");
			}
			int code = in.readUnsignedByte();
			while (code == 0xFF) {
				code = in.readUnsignedByte();
			}
			if (code == 0xD9) {
				out.write(0xFF);
				out.write(code);
				return;
			}
			if (code == 0x01 || (code >= 0xD0 && code <= 0xD7)) {
				out.write(0xFF);
				out.write(code);
				continue;
			}
			int length = in.readUnsignedShort();
			if (length < 2) {
				throw new IOException("Malformed JPEG segment length");
			}
			boolean drop = code == 0xE1 || code == 0xED || code == 0xFE;
			if (drop) {
				in.skipNBytes(length - 2);
				continue;
			}
			out.write(0xFF);
			out.write(code);
			out.write(length >> 8);
			out.write(length & 0xFF);
			copy(in, out, length - 2);
			if (code == 0xDA) {
				// Start of scan: entropy-coded data and the rest of the file, kept as they are.
				in.transferTo(out);
				return;
			}
		}
	}

	private static void stripPng(DataInputStream in, OutputStream out) throws IOException {
		byte[] signature = in.readNBytes(8);
		if (signature.length != 8) {
			throw new IOException("Not a PNG");
		}
		out.write(signature);
		while (true) {
			int length;
			try {
				length = in.readInt();
			}
			catch (EOFException ex) {
				return;
			}
			if (length < 0) {
				throw new IOException("Malformed PNG chunk length");
			}
			byte[] type = in.readNBytes(4);
			String name = new String(type, StandardCharsets.ISO_8859_1);
			if (PNG_METADATA.contains(name)) {
				in.skipNBytes(length + 4L);
				continue;
			}
			out.write(length >>> 24);
			out.write(length >>> 16);
			out.write(length >>> 8);
			out.write(length);
			out.write(type);
			copy(in, out, length + 4L);
			if (name.equals("IEND")) {
				return;
			}
		}
	}

	private static void copy(InputStream in, OutputStream out, long n) throws IOException {
		byte[] buffer = new byte[8192];
		long left = n;
		while (left > 0) {
			int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
			if (read < 0) {
				throw new EOFException("Truncated image");
			}
			out.write(buffer, 0, read);
			left -= read;
		}
	}
}
