package org.chatline.attachment.attachments;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.chatline.attachment.AttachmentProperties;
import org.chatline.attachment.api.AttachmentMetadata;
import org.chatline.attachment.conversations.Conversations;
import org.chatline.attachment.media.FileNames;
import org.chatline.attachment.media.MediaPolicy;
import org.chatline.attachment.storage.BlobStore;
import org.chatline.common.api.ApiException;
import org.chatline.common.api.DomainException;
import org.chatline.common.security.AuthenticatedUser;

import org.springframework.http.ContentDisposition;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Creating an upload, and reading attachments: metadata, content and thumbnail. */
@Service
class AttachmentService {

	/** The platform's own upload endpoint, for stores without presigned URLs. */
	static final String UPLOAD_PATH = "/api/v1/attachments/%s/content";

	private final AttachmentRepository attachments;

	private final AttachmentAccess access;

	private final Conversations conversations;

	private final BlobStore store;

	private final AttachmentProperties properties;

	private final TransactionTemplate tx;

	AttachmentService(AttachmentRepository attachments, AttachmentAccess access, Conversations conversations,
			BlobStore store, AttachmentProperties properties, PlatformTransactionManager transactionManager) {
		this.attachments = attachments;
		this.access = access;
		this.conversations = conversations;
		this.store = store;
		this.properties = properties;
		this.tx = new TransactionTemplate(transactionManager);
	}

	AttachmentCreated create(AuthenticatedUser caller, CreateAttachmentRequest request) {
		MediaPolicy.Allowed type = MediaPolicy.declared(request.contentType())
			.orElseThrow(() -> Refusals.unsupportedType("Content type " + request.contentType() + " is not accepted"));
		long max = Limits.maxSize(properties.limits(), type.kind());
		if (request.size() > max) {
			throw Refusals.tooLarge("A " + type.kind().toLowerCase() + " may be at most " + max + " bytes");
		}
		checkConversation(caller.id(), request);
		Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
		Attachment attachment = new Attachment(UUID.randomUUID(), caller.id(), request.receiverId(), request.groupId(),
				FileNames.sanitise(request.fileName()), type.contentType(), type.kind(), request.size(), null,
				Attachment.Status.PENDING, null, null, Attachment.Thumbnail.NONE, null, now,
				now.plus(properties.uploadTtl()));
		tx.executeWithoutResult(status -> {
			attachments.lockUploader(caller.id());
			AttachmentProperties.Limits limits = properties.limits();
			if (attachments.startedSince(caller.id(), now.minus(limits.window())) >= limits.uploads()) {
				throw Refusals.tooMany("Too many uploads, please try again later");
			}
			if (attachments.storedBytes(caller.id()) + request.size() > limits.quota().toBytes()) {
				throw Refusals.tooLarge("Upload quota exceeded");
			}
			attachments.insert(attachment);
		});
		AttachmentCreated.Upload upload = store.presignedUpload(attachment.contentKey(), type.contentType(), request.size())
			.map(url -> new AttachmentCreated.Upload("PUT", url.url().toString(), url.headers(), false,
					Instant.ofEpochMilli(url.expiresAt())))
			.orElseGet(() -> new AttachmentCreated.Upload("PUT", UPLOAD_PATH.formatted(attachment.id()),
					java.util.Map.of("Content-Type", type.contentType()), true, attachment.expiresAt()));
		return new AttachmentCreated(attachment.metadata(), upload);
	}

	AttachmentMetadata metadata(AuthenticatedUser caller, UUID id) {
		return access.visible(id, caller.id()).metadata();
	}

	Download content(AuthenticatedUser caller, UUID id) {
		Attachment attachment = access.visible(id, caller.id());
		if (attachment.status() != Attachment.Status.READY) {
			throw DomainException.conflict("The upload is not complete");
		}
		String disposition = ContentDisposition.attachment().filename(attachment.fileName(), StandardCharsets.UTF_8)
			.build().toString();
		return download(attachment.contentKey(), attachment.contentType(), disposition);
	}

	Download thumbnail(AuthenticatedUser caller, UUID id) {
		Attachment attachment = access.visible(id, caller.id());
		if (attachment.thumbnail() != Attachment.Thumbnail.READY) {
			throw DomainException.notFound("Thumbnail not available");
		}
		String disposition = ContentDisposition.inline().filename("thumbnail.jpg").build().toString();
		return download(attachment.thumbnailKey(), "image/jpeg", disposition);
	}

	private Download download(String key, String contentType, String disposition) {
		var presigned = store.presignedDownload(key, contentType, disposition);
		if (presigned.isPresent()) {
			return Download.redirect(presigned.get().url());
		}
		try {
			long length = store.size(key).orElseThrow(Refusals::notFound);
			InputStream body = store.open(key);
			return Download.stream(body, length, contentType, disposition);
		}
		catch (NoSuchFileException ex) {
			throw Refusals.notFound();
		}
		catch (IOException ex) {
			throw ApiException.unavailable("Attachment store is unavailable, please retry");
		}
	}

	private void checkConversation(UUID callerId, CreateAttachmentRequest request) {
		if (request.groupId() != null) {
			if (!conversations.isMember(request.groupId(), callerId)) {
				throw DomainException.notFound("Group not found");
			}
			return;
		}
		if (request.receiverId().equals(callerId)) {
			throw DomainException.invalid("receiverId: cannot be yourself");
		}
		if (!conversations.userExists(request.receiverId())) {
			throw DomainException.notFound("User not found");
		}
	}
}
