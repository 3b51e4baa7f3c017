package org.chatline.attachment.media;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImageMetadataTests {

	@Test
	void stripsExifFromJpegAndKeepsThePicture() throws IOException {
		byte[] photo = MediaFixtures.jpegWithLocation(64, 48);
		assertThat(MediaFixtures.contains(photo, MediaFixtures.LOCATION_MARK)).isTrue();

		byte[] stripped = strip(SniffedType.JPEG, photo);

		assertThat(MediaFixtures.contains(stripped, MediaFixtures.LOCATION_MARK)).isFalse();
		assertThat(MediaFixtures.contains(stripped, "Exif".getBytes())).isFalse();
		var image = ImageIO.read(new ByteArrayInputStream(stripped));
		assertThat(image.getWidth()).isEqualTo(64);
		assertThat(image.getHeight()).isEqualTo(48);
	}

	@Test
	void stripsTextChunksFromPng() throws IOException {
		byte[] png = MediaFixtures.pngWithText(20, 10);
		assertThat(MediaFixtures.contains(png, MediaFixtures.LOCATION_MARK)).isTrue();

		byte[] stripped = strip(SniffedType.PNG, png);

		assertThat(MediaFixtures.contains(stripped, MediaFixtures.LOCATION_MARK)).isFalse();
		assertThat(ImageIO.read(new ByteArrayInputStream(stripped)).getWidth()).isEqualTo(20);
	}

	@Test
	void refusesWhatIsNotTheImageItClaims() {
		assertThatThrownBy(() -> strip(SniffedType.JPEG, new byte[] { 1, 2, 3 })).isInstanceOf(IOException.class);
	}

	@Test
	void makesASmallThumbnailAndReadsTheSize() throws IOException {
		Thumbnails.Thumbnail thumbnail = Thumbnails.of(new ByteArrayInputStream(MediaFixtures.png(1000, 500)), 320);

		assertThat(thumbnail.width()).isEqualTo(1000);
		assertThat(thumbnail.height()).isEqualTo(500);
		var small = ImageIO.read(new ByteArrayInputStream(thumbnail.jpeg()));
		assertThat(small.getWidth()).isEqualTo(320);
		assertThat(small.getHeight()).isEqualTo(160);
	}

	private static byte[] strip(SniffedType type, byte[] data) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageMetadata.strip(type, new ByteArrayInputStream(data), out);
		return out.toByteArray();
	}
}
