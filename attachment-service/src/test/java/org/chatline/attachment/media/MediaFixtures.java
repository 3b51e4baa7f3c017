package org.chatline.attachment.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

/** Real files of each kind the tests need, made in memory. */
public final class MediaFixtures {

	/** Written into the fixtures' metadata, as a camera writes the GPS position. */
	public static final byte[] LOCATION_MARK = "GPS 48.8584N 2.2945E".getBytes(StandardCharsets.US_ASCII);

	private MediaFixtures() {
	}

	public static byte[] png(int width, int height) {
		return encode(picture(width, height), "png");
	}

	/** A JPEG with an EXIF (APP1) segment holding a location, as phones write them. */
	public static byte[] jpegWithLocation(int width, int height) {
		byte[] jpeg = encode(picture(width, height), "jpeg");
		byte[] exif = concat("Exif\0\0MM\0*".getBytes(StandardCharsets.ISO_8859_1), LOCATION_MARK);
		ByteBuffer segment = ByteBuffer.allocate(4 + exif.length);
		segment.put((byte) 0xFF).put((byte) 0xE1).putShort((short) (exif.length + 2)).put(exif);
		return concat(new byte[] { jpeg[0], jpeg[1] }, segment.array(), slice(jpeg, 2, jpeg.length));
	}

	/** A PNG with a tEXt chunk holding a location, right after its header chunk. */
	public static byte[] pngWithText(int width, int height) {
		byte[] png = png(width, height);
		int afterHeader = 8 + 4 + 4 + 13 + 4;
		byte[] text = concat("Comment\0".getBytes(StandardCharsets.ISO_8859_1), LOCATION_MARK);
		byte[] type = "tEXt".getBytes(StandardCharsets.US_ASCII);
		CRC32 crc = new CRC32();
		crc.update(type);
		crc.update(text);
		ByteBuffer chunk = ByteBuffer.allocate(12 + text.length);
		chunk.putInt(text.length).put(type).put(text).putInt((int) crc.getValue());
		return concat(slice(png, 0, afterHeader), chunk.array(), slice(png, afterHeader, png.length));
	}

	/** The start of a Windows program ("MZ" and a DOS stub), as an attacker would rename it {@code .png}. */
	public static byte[] windowsExecutable() {
		byte[] exe = new byte[1024];
		byte[] stub = "MZ\u0090\0\3\0\0\0This program cannot be run in DOS mode.".getBytes(StandardCharsets.ISO_8859_1);
		System.arraycopy(stub, 0, exe, 0, stub.length);
		return exe;
	}

	public static boolean contains(byte[] data, byte[] part) {
		outer: for (int i = 0; i <= data.length - part.length; i++) {
			for (int j = 0; j < part.length; j++) {
				if (data[i + j] != part[j]) {
					continue outer;
				}
			}
			return true;
		}
		return false;
	}

	private static BufferedImage picture(int width, int height) {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setColor(Color.ORANGE);
		g.fillRect(0, 0, width, height);
		g.setColor(Color.BLUE);
		g.fillOval(width / 4, height / 4, width / 2, height / 2);
		g.dispose();
		return image;
	}

	private static byte[] encode(BufferedImage image, String format) {
		try {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			ImageIO.write(image, format, out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static byte[] slice(byte[] data, int from, int to) {
		return java.util.Arrays.copyOfRange(data, from, to);
	}

	private static byte[] concat(byte[]... parts) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (byte[] part : parts) {
			out.writeBytes(part);
		}
		return out.toByteArray();
	}
}
