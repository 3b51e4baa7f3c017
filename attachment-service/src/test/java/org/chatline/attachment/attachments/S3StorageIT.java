package org.chatline.attachment.attachments;

import java.net.URI;
import java.time.Duration;
import java.util.UUID;

import org.chatline.attachment.media.MediaFixtures;
import org.chatline.common.test.ServiceIT;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The S3 store against a real S3-compatible server ({@link S3Server}): the client puts the bytes to
 * a presigned URL, completes, and downloads through a redirect to a presigned URL. The same client
 * code as the embedded store's ({@link AttachmentApi#upload}).
 */
@ServiceIT
@Import(AttachmentTestConfiguration.class)
class S3StorageIT {

	@LocalServerPort
	int port;

	final DirectoryStub directory = DirectoryStub.INSTANCE;

	@DynamicPropertySource
	static void s3(DynamicPropertyRegistry registry) {
		registry.add("chat.attachments.storage.type", () -> "s3");
		registry.add("chat.attachments.storage.s3.endpoint", S3Server.INSTANCE::url);
		registry.add("chat.attachments.storage.s3.access-key", () -> S3Server.ACCESS_KEY);
		registry.add("chat.attachments.storage.s3.secret-key", () -> S3Server.SECRET_KEY);
		registry.add("chat.attachments.storage.s3.bucket", () -> "attachments-it");
		registry.add("chat.attachments.storage.s3.create-bucket", () -> "true");
	}

	@Test
	void uploadsByPresignedUrlAndDownloadsByRedirect() {
		AttachmentApi api = new AttachmentApi(port);
		UUID alice = directory.user();
		UUID bob = directory.user();
		byte[] photo = MediaFixtures.jpegWithLocation(640, 480);
		String body = AttachmentApi.create("photo.jpg", "image/jpeg", photo.length, "receiverId", bob);

		var created = api.json("POST", "/api/v1/attachments", alice, body);
		assertThat(created.data().path("upload").path("url").asString()).startsWith(S3Server.INSTANCE.url());
		assertThat(created.data().path("upload").path("authorization").asBoolean()).isFalse();

		var complete = api.upload(alice, body, photo);
		assertThat(complete.status()).isEqualTo(200);
		assertThat(complete.data().path("status").asString()).isEqualTo("READY");
		UUID id = UUID.fromString(complete.data().path("id").asString());

		var redirect = api.get(bob, "/api/v1/attachments/" + id + "/content");
		assertThat(redirect.status()).isEqualTo(302);
		String location = redirect.raw().headers().firstValue("Location").orElseThrow();
		assertThat(URI.create(location).getQuery()).contains("X-Amz-Signature");
		var download = api.fetch(location);
		assertThat(download.statusCode()).isEqualTo(200);
		assertThat(download.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment");
		assertThat(MediaFixtures.contains(download.body(), MediaFixtures.LOCATION_MARK)).isFalse();
		assertThat(api.get(directory.user(), "/api/v1/attachments/" + id + "/content").status()).isEqualTo(404);

		await().atMost(Duration.ofSeconds(10))
			.until(() -> api.json("GET", "/api/v1/attachments/" + id, bob, null).data().path("thumbnail").asBoolean());
		var thumbnail = api.get(bob, "/api/v1/attachments/" + id + "/thumbnail");
		assertThat(thumbnail.status()).isEqualTo(302);
		assertThat(api.fetch(thumbnail.raw().headers().firstValue("Location").orElseThrow()).statusCode()).isEqualTo(200);
	}

	@Test
	void aProgramPutToTheStoreIsRefusedAtCompletionAndDeleted() {
		AttachmentApi api = new AttachmentApi(port);
		UUID alice = directory.user();
		UUID bob = directory.user();
		byte[] exe = MediaFixtures.windowsExecutable();

		var refused = api.upload(alice, AttachmentApi.create("cat.png", "image/png", exe.length, "receiverId", bob), exe);

		assertThat(refused.status()).isEqualTo(415);
		assertThat(refused.code()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
	}

	@Test
	void completingBeforeTheBytesArriveIsAConflict() {
		AttachmentApi api = new AttachmentApi(port);
		UUID alice = directory.user();
		var created = api.json("POST", "/api/v1/attachments", alice,
				AttachmentApi.create("a.txt", "text/plain", 5, "receiverId", directory.user()));

		var early = api.json("POST", "/api/v1/attachments/" + created.id() + "/complete", alice, null);

		assertThat(early.status()).isEqualTo(409);
		assertThat(api.json("GET", "/api/v1/attachments/" + created.id(), alice, null).data().path("status").asString())
			.isEqualTo("PENDING");
	}
}
