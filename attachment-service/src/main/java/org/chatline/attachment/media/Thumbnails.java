package org.chatline.attachment.media;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * An image's size and a small JPEG of it (longest side at most {@code maxSide}), with the JDK's
 * ImageIO (PNG, JPEG, GIF's first frame; WebP has no reader in the JDK). The header is read first:
 * an image of more than {@link #MAX_PIXELS} is not decoded (a "decompression bomb" of a few KiB can
 * claim gigapixels), and large ones are decoded subsampled, so memory stays small.
 */
public final class Thumbnails {

	/** 100 megapixels: more than any phone camera, far less than what would exhaust the heap subsampled. */
	static final long MAX_PIXELS = 100_000_000L;

	/** An image's size, and its thumbnail as JPEG bytes. */
	public record Thumbnail(int width, int height, byte[] jpeg) {
	}

	private Thumbnails() {
	}

	/** @throws IOException when the image cannot be read (no reader for its type, broken, too many pixels) */
	public static Thumbnail of(InputStream image, int maxSide) throws IOException {
		try (ImageInputStream input = ImageIO.createImageInputStream(image)) {
			Iterator<ImageReader> readers = input == null ? java.util.Collections.emptyIterator() : ImageIO.getImageReaders(input);
			if (!readers.hasNext()) {
				throw new IOException("No reader for this image type");
			}
			ImageReader reader = readers.next();
			try {
				reader.setInput(input, true, true);
				int width = reader.getWidth(0);
				int height = reader.getHeight(0);
				if ((long) width * height > MAX_PIXELS) {
					throw new IOException("Image too large to decode: " + width + "x" + height);
				}
				ImageReadParam param = reader.getDefaultReadParam();
				int step = Math.max(1, Math.max(width, height) / (maxSide * 2));
				param.setSourceSubsampling(step, step, 0, 0);
				BufferedImage decoded = reader.read(0, param);
				return new Thumbnail(width, height, jpeg(scale(decoded, maxSide)));
			}
			finally {
				reader.dispose();
			}
		}
	}

	private static BufferedImage scale(BufferedImage source, int maxSide) {
		double factor = Math.min(1.0, (double) maxSide / Math.max(source.getWidth(), source.getHeight()));
		int w = Math.max(1, (int) Math.round(source.getWidth() * factor));
		int h = Math.max(1, (int) Math.round(source.getHeight() * factor));
		// RGB without alpha: JPEG has none; transparent parts become white.
		BufferedImage target = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = target.createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
			g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
			g.setColor(java.awt.Color.WHITE);
			g.fillRect(0, 0, w, h);
			g.drawImage(source, 0, 0, w, h, null);
		}
		finally {
			g.dispose();
		}
		return target;
	}

	private static byte[] jpeg(BufferedImage image) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		if (!ImageIO.write(image, "jpeg", out)) {
			throw new IOException("No JPEG writer");
		}
		return out.toByteArray();
	}
}
