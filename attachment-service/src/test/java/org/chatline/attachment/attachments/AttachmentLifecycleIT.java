package org.chatline.attachment.attachments;

import java.time.Duration;
import java.util.UUID;

import org.chatline.attachment.media.MediaFixtures;
import org.chatline.common.test.ServiceIT;
import org.chatline.common.test.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The embedded (local folder) store, the default of {@code ./run.sh}: uploads streamed through the
 * service, checked, downloaded by the conversation's participants only; the refusals; the sweep;
 * message-service's claim.
 */
@ServiceIT
@Import(AttachmentTestConfiguration.class)
class AttachmentLifecycleIT {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UploadSweep sweep;

	AttachmentApi api;

	final DirectoryStub directory = DirectoryStub.INSTANCE;

	@BeforeEach
	void setUp() {
		api = new AttachmentApi(port);
	}

	@Test
	void partnerDownloadsAPhotoWithoutItsLocationAndItsThumbnail() {
		UUID alice = directory.user();
		UUID bob = directory.user();
		byte[] photo = MediaFixtures.jpegWithLocation(800, 600);

		var created = api.json("POST", "/api/v1/attachments", alice,
				AttachmentApi.create("../me/holiday\u202E.jpg", "image/jpeg", photo.length, "receiverId", bob));
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.data().path("upload").path("url").asString())
			.isEqualTo("/api/v1/attachments/" + created.id() + "/content");
		assertThat(created.data().path("upload").path("authorization").asBoolean()).isTrue();
		assertThat(created.data().path("attachment").path("status").asString()).isEqualTo("PENDING");

		var stored = api.put(alice, created.id(), photo);
		assertThat(stored.status()).isEqualTo(200);
		assertThat(stored.data().path("status").asString()).isEqualTo("READY");
		assertThat(stored.data().path("fileName").asString()).isEqualTo("holiday.jpg");
		// Completing again (the S3 client's second step) answers the same.
		assertThat(api.json("POST", "/api/v1/attachments/" + created.id() + "/complete", alice, null).status()).isEqualTo(200);

		var download = api.get(bob, "/api/v1/attachments/" + created.id() + "/content");
		assertThat(download.status()).isEqualTo(200);
		assertThat(download.raw().headers().firstValue("Content-Type")).contains("image/jpeg");
		assertThat(download.raw().headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment");
		assertThat(download.raw().headers().firstValue("X-Content-Type-Options")).contains("nosniff");
		assertThat(MediaFixtures.contains(download.raw().body(), MediaFixtures.LOCATION_MARK)).isFalse();

		await().atMost(Duration.ofSeconds(10)).until(
				() -> api.json("GET", "/api/v1/attachments/" + created.id(), bob, null).data().path("thumbnail").asBoolean());
		var metadata = api.json("GET", "/api/v1/attachments/" + created.id(), bob, null).data();
		assertThat(metadata.path("width").asInt()).isEqualTo(800);
		assertThat(metadata.path("height").asInt()).isEqualTo(600);
		var thumbnail = api.get(bob, "/api/v1/attachments/" + created.id() + "/thumbnail");
		assertThat(thumbnail.status()).isEqualTo(200);
		assertThat(thumbnail.raw().headers().firstValue("Content-Type")).contains("image/jpeg");
	}

	@Test
	void onlyParticipantsSeeAnAttachmentAndOthersAreToldItDoesNotExist() {
		UUID alice = directory.user();
		UUID bob = directory.user();
		UUID stranger = directory.user();
		UUID id = api.upload(alice, AttachmentApi.create("a.pdf", "application/pdf", 9, "receiverId", bob),
				"%PDF-1.7\n".getBytes()).id();

		for (String path : new String[] { "", "/content", "/thumbnail" }) {
			var refused = api.get(stranger, "/api/v1/attachments/" + id + path);
			var unknown = api.get(stranger, "/api/v1/attachments/" + UUID.randomUUID() + path);
			assertThat(refused.status()).isEqualTo(404);
			assertThat(unknown.status()).isEqualTo(404);
			assertThat(refused.body()).isEqualTo(unknown.body());
		}
		assertThat(api.get(bob, "/api/v1/attachments/" + id).status()).isEqualTo(200);
		assertThat(api.get(alice, "/api/v1/attachments/" + id + "/content").status()).isEqualTo(200);
		assertThat(api.get(stranger, "/api/v1/attachments/not-an-id").status()).isEqualTo(400);
		assertThat(api.json("GET", "/api/v1/attachments/" + id, (String) null, null).status()).isEqualTo(401);
	}

	@Test
	void aRemovedGroupMemberLosesAccessAndANonMemberCannotUpload() {
		UUID owner = directory.user();
		UUID member = directory.user();
		UUID group = directory.group(owner, member);
		UUID id = api.upload(owner, AttachmentApi.create("notes.txt", "text/plain", 5, "groupId", group),
				"hello".getBytes()).id();

		assertThat(api.get(member, "/api/v1/attachments/" + id + "/content").status()).isEqualTo(200);
		directory.remove(group, member);
		assertThat(api.get(member, "/api/v1/attachments/" + id + "/content").status()).isEqualTo(404);

		var outsider = api.json("POST", "/api/v1/attachments", member,
				AttachmentApi.create("x.txt", "text/plain", 5, "groupId", group));
		assertThat(outsider.status()).isEqualTo(404);
	}

	@Test
	void aProgramRenamedPngIsRefusedAndForgotten() {
		UUID alice = directory.user();
		UUID bob = directory.user();
		byte[] exe = MediaFixtures.windowsExecutable();
		var created = api.json("POST", "/api/v1/attachments", alice,
				AttachmentApi.create("cat.png", "image/png", exe.length, "receiverId", bob));

		var refused = api.put(alice, created.id(), exe);

		assertThat(refused.status()).isEqualTo(415);
		assertThat(refused.code()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
		assertThat(api.get(alice, "/api/v1/attachments/" + created.id()).status()).isEqualTo(404);
	}

	@Test
	void refusesBadRequestsWithTheEnvelope() {
		UUID alice = directory.user();
		UUID bob = directory.user();
		String path = "/api/v1/attachments";

		assertRefused(api.json("POST", path, alice, AttachmentApi.create("a.svg", "image/svg+xml", 10, "receiverId", bob)),
				415, "UNSUPPORTED_MEDIA_TYPE");
		assertRefused(api.json("POST", path, alice,
				AttachmentApi.create("big.png", "image/png", 10L * 1024 * 1024 + 1, "receiverId", bob)), 413,
				"PAYLOAD_TOO_LARGE");
		assertRefused(api.json("POST", path, alice, "{not json"), 400, "VALIDATION_ERROR");
		assertRefused(api.json("POST", path, alice, "{\"fileName\":\"a.txt\",\"contentType\":\"text/plain\",\"size\":-1,\"receiverId\":\"" + bob + "\"}"),
				400, "VALIDATION_ERROR");
		assertRefused(api.json("POST", path, alice, "{\"fileName\":\"a.txt\",\"contentType\":\"text/plain\",\"size\":1}"),
				400, "VALIDATION_ERROR");
		assertRefused(api.json("POST", path, alice, "{\"fileName\":\"a.txt\",\"contentType\":\"text/plain\",\"size\":1,\"receiverId\":\""
				+ bob + "\",\"groupId\":\"" + UUID.randomUUID() + "\"}"), 400, "VALIDATION_ERROR");
		assertRefused(api.json("POST", path, alice, "{\"fileName\":\"a.txt\",\"contentType\":\"text/plain\",\"size\":1,\"receiverId\":\"nope\"}"),
				400, "VALIDATION_ERROR");
		assertRefused(api.json("POST", path, alice, AttachmentApi.create("a.txt", "text/plain", 1, "receiverId", alice)),
				400, "VALIDATION_ERROR");
		assertRefused(api.json("POST", path, alice, AttachmentApi.create("a.txt", "text/plain", 1, "receiverId", UUID.randomUUID())),
				404, "NOT_FOUND");
		assertRefused(api.put(alice, UUID.randomUUID(), new byte[] { 1 }), 404, "NOT_FOUND");
		assertRefused(api.json("PUT", path + "/x/content", alice, "{}"), 400, "VALIDATION_ERROR");

		var tooLong = api.json("POST", path, alice, AttachmentApi.create("a.txt", "text/plain", 4, "receiverId", bob));
		assertRefused(api.put(alice, tooLong.id(), "hello".getBytes()), 413, "PAYLOAD_TOO_LARGE");
		var tooShort = api.json("POST", path, alice, AttachmentApi.create("a.txt", "text/plain", 9, "receiverId", bob));
		assertRefused(api.put(alice, tooShort.id(), "hello".getBytes()), 400, "VALIDATION_ERROR");
		var notYours = api.json("POST", path, alice, AttachmentApi.create("a.txt", "text/plain", 5, "receiverId", bob));
		assertRefused(api.put(bob, notYours.id(), "hello".getBytes()), 404, "NOT_FOUND");
		assertRefused(api.json("POST", path + "/" + notYours.id() + "/complete", alice, null), 409, "CONFLICT");
	}

	@Test
	void limitsUploadsPerUserByRateAndQuota() {
		UUID bob = directory.user();
		UUID busy = directory.user();
		for (int i = 0; i < 8; i++) {
			assertThat(api.json("POST", "/api/v1/attachments", busy, AttachmentApi.create("a.txt", "text/plain", 1, "receiverId", bob))
				.status()).isEqualTo(201);
		}
		assertRefused(api.json("POST", "/api/v1/attachments", busy, AttachmentApi.create("a.txt", "text/plain", 1, "receiverId", bob)),
				429, "RATE_LIMIT_EXCEEDED");

		UUID hoarder = directory.user();
		long tenMiB = 10L * 1024 * 1024;
		for (int i = 0; i < 3; i++) {
			assertThat(api.json("POST", "/api/v1/attachments", hoarder, AttachmentApi.create("a.png", "image/png", tenMiB, "receiverId", bob))
				.status()).isEqualTo(201);
		}
		assertRefused(api.json("POST", "/api/v1/attachments", hoarder, AttachmentApi.create("a.txt", "text/plain", 1, "receiverId", bob)),
				413, "PAYLOAD_TOO_LARGE");
	}

	@Test
	void uploadsThatNeverCompleteAreRemoved() {
		UUID alice = directory.user();
		UUID bob = directory.user();
		var created = api.json("POST", "/api/v1/attachments", alice, AttachmentApi.create("a.txt", "text/plain", 5, "receiverId", bob));
		jdbc.sql("update attachment set expires_at = now() - interval '1 second' where id = :id").param("id", created.id()).update();

		assertThat(sweep.removeExpired()).isGreaterThanOrEqualTo(1);

		assertThat(api.get(alice, "/api/v1/attachments/" + created.id()).status()).isEqualTo(404);
		assertThat(api.put(alice, created.id(), "hello".getBytes()).status()).isEqualTo(404);
	}

	@Test
	void messageServiceClaimsReadyAttachmentsForOneMessageOnly() {
		UUID alice = directory.user();
		UUID bob = directory.user();
		UUID id = api.upload(alice, AttachmentApi.create("a.txt", "text/plain", 5, "receiverId", bob), "hello".getBytes()).id();
		UUID pending = api.json("POST", "/api/v1/attachments", alice, AttachmentApi.create("b.txt", "text/plain", 5, "receiverId", bob)).id();
		UUID message = UUID.randomUUID();
		String messageService = TestTokens.serviceBearer("message-service");

		var claimed = api.json("POST", "/internal/attachments/claim", messageService, claim(message, alice, bob, id));
		assertThat(claimed.status()).isEqualTo(200);
		assertThat(claimed.data().path("attachments").get(0).path("messageId").asString()).isEqualTo(message.toString());
		assertThat(api.json("POST", "/internal/attachments/claim", messageService, claim(message, alice, bob, id)).status())
			.isEqualTo(200);

		assertRefused(api.json("POST", "/internal/attachments/claim", messageService, claim(UUID.randomUUID(), alice, bob, id)),
				409, "CONFLICT");
		assertRefused(api.json("POST", "/internal/attachments/claim", messageService, claim(UUID.randomUUID(), bob, alice, id)),
				404, "NOT_FOUND");
		assertRefused(api.json("POST", "/internal/attachments/claim", messageService, claim(UUID.randomUUID(), alice, bob, pending)),
				409, "CONFLICT");
		assertRefused(api.json("POST", "/internal/attachments/claim", messageService, "{\"messageId\":\"x\"}"), 400,
				"VALIDATION_ERROR");
		assertRefused(api.json("POST", "/internal/attachments/claim", messageService, "{\"messageId\":\"" + message + "\"}"), 400,
				"VALIDATION_ERROR");
		assertRefused(api.json("POST", "/internal/attachments/claim", TestTokens.serviceBearer("call-service"),
				claim(message, alice, bob, id)), 403, "FORBIDDEN");
		assertRefused(api.json("POST", "/internal/attachments/claim", alice, claim(message, alice, bob, id)), 401,
				"UNAUTHORIZED");
	}

	private static String claim(UUID message, UUID sender, UUID receiver, UUID attachment) {
		return """
				{"messageId":"%s","senderId":"%s","receiverId":"%s","attachmentIds":["%s"]}""".formatted(message, sender,
				receiver, attachment);
	}

	private static void assertRefused(AttachmentApi.Reply reply, int status, String code) {
		assertThat(reply.status()).as(reply.body().toString()).isEqualTo(status);
		assertThat(reply.body().path("success").asBoolean(true)).isFalse();
		assertThat(reply.code()).isEqualTo(code);
	}
}
