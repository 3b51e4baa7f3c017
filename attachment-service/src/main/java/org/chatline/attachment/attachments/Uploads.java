package org.chatline.attachment.attachments;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.UUID;

import org.chatline.attachment.AttachmentProperties;
import org.chatline.attachment.api.AttachmentMetadata;
import org.chatline.attachment.media.ContentSniffer;
import org.chatline.attachment.media.ImageMetadata;
import org.chatline.attachment.media.MediaPolicy;
import org.chatline.attachment.media.SniffedType;
import org.chatline.attachment.storage.BlobStore;
import org.chatline.common.api.ApiException;
import org.chatline.common.api.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * The bytes of an upload arriving and being checked. Through the platform ({@link #receive}: the
 * body streamed to a temporary file, then into the store) or straight into an S3 store by presigned
 * URL; either way {@link #complete} then checks what the store holds: the size against the declared
 * one and the kind's limit, the type sniffed from the first bytes against the declared one. A file
 * that fails a check is deleted with its attachment (create a new one to try again). A photo's
 * metadata (EXIF location and the like) is stripped before anyone else can download it; its
 * thumbnail is made afterwards, by {@link ThumbnailWorker}.
 */
@Service
class Uploads {

	private static final Logger log = LoggerFactory.getLogger(Uploads.class);

	private final AttachmentRepository attachments;

	private final AttachmentAccess access;

	private final BlobStore store;

	private final AttachmentProperties properties;

	private final ThumbnailWorker thumbnails;

	Uploads(AttachmentRepository attachments, AttachmentAccess access, BlobStore store,
			AttachmentProperties properties, ThumbnailWorker thumbnails) {
		this.attachments = attachments;
		this.access = access;
		this.store = store;
		this.properties = properties;
		this.thumbnails = thumbnails;
	}

	/**
	 * {@code PUT /api/v1/attachments/{id}/content}: streams at most the declared size to the store,
	 * then completes the upload.
	 * @param contentLength the request's {@code Content-Length}, or -1 when it is chunked
	 */
	AttachmentMetadata receive(UUID uploaderId, UUID id, long contentLength, InputStream body) {
		Attachment attachment = start(uploaderId, id);
		if (contentLength > attachment.declaredSize()) {
			refuse(attachment, Refusals.tooLarge("The body is larger than the declared size"));
		}
		Path temp = null;
		try {
			temp = Files.createTempFile(store.scratch(), attachment.contentKey(), ".part");
			long received;
			try (OutputStream out = Files.newOutputStream(temp)) {
				received = copyAtMost(body, out, attachment.declaredSize() + 1);
			}
			if (received > attachment.declaredSize()) {
				refuse(attachment, Refusals.tooLarge("The body is larger than the declared size"));
			}
			store.put(attachment.contentKey(), temp, attachment.contentType());
		}
		catch (IOException ex) {
			attachments.abortUpload(id);
			log.info("Upload {} interrupted: {}", id, ex.toString());
			throw DomainException.invalid("The upload was interrupted; send the file again");
		}
		finally {
			deleteQuietly(temp);
		}
		return verify(attachment);
	}

	/**
	 * {@code POST /api/v1/attachments/{id}/complete}: checks the bytes a client put into the store.
	 * Answers the attachment as it is when it is already complete, so calling it after an upload
	 * through the platform does no harm (the client code is the same for both stores).
	 */
	AttachmentMetadata complete(UUID uploaderId, UUID id) {
		Attachment current = access.own(id, uploaderId);
		if (current.status() == Attachment.Status.READY) {
			return current.metadata();
		}
		Attachment attachment = start(uploaderId, id);
		OptionalLong size;
		try {
			size = store.size(attachment.contentKey());
		}
		catch (IOException ex) {
			attachments.abortUpload(id);
			throw ApiException.unavailable("Attachment store is unavailable, please retry");
		}
		if (size.isEmpty()) {
			attachments.abortUpload(id);
			throw DomainException.conflict("No bytes were uploaded yet; PUT them where the upload answer says");
		}
		return verify(attachment);
	}

	private Attachment start(UUID uploaderId, UUID id) {
		Attachment attachment = access.own(id, uploaderId);
		if (!attachments.startUpload(id, uploaderId, properties.uploadTtl())) {
			if (attachment.status() == Attachment.Status.PENDING && attachment.expiresAt().isAfter(java.time.Instant.now())) {
				throw DomainException.conflict("This upload is already in progress");
			}
			if (attachment.status() == Attachment.Status.READY || attachment.status() == Attachment.Status.UPLOADING) {
				throw DomainException.conflict("This upload is already in progress or complete");
			}
			throw Refusals.notFound();
		}
		return attachment;
	}

	/** Checks what the store holds for an UPLOADING attachment and makes it READY, or refuses and deletes it. */
	private AttachmentMetadata verify(Attachment attachment) {
		UUID id = attachment.id();
		try {
			long size = store.size(attachment.contentKey()).orElseThrow(() -> new IOException("Object vanished"));
			if (size > Limits.maxSize(properties.limits(), attachment.kind()) || size > attachment.declaredSize()) {
				refuse(attachment, Refusals.tooLarge("The file is larger than declared or allowed"));
			}
			if (size < attachment.declaredSize()) {
				refuse(attachment, DomainException.invalid(
						"The file has " + size + " bytes, " + attachment.declaredSize() + " were declared"));
			}
			byte[] head = store.head(attachment.contentKey(), ContentSniffer.HEAD);
			SniffedType sniffed = ContentSniffer.sniff(head).orElse(SniffedType.EXECUTABLE);
			MediaPolicy.Allowed declared = MediaPolicy.declared(attachment.contentType()).orElseThrow();
			if (!declared.matches(sniffed)) {
				refuse(attachment, Refusals.unsupportedType(
						"The file's content is not " + attachment.contentType() + " (found " + sniffed + ")"));
			}
			long stored = size;
			if (sniffed == SniffedType.JPEG || sniffed == SniffedType.PNG) {
				stored = stripMetadata(attachment, sniffed);
			}
			boolean thumbnail = sniffed == SniffedType.JPEG || sniffed == SniffedType.PNG || sniffed == SniffedType.GIF;
			if (!attachments.markReady(id, stored,
					thumbnail ? Attachment.Thumbnail.PENDING : Attachment.Thumbnail.NONE)) {
				throw Refusals.notFound();
			}
			if (thumbnail) {
				thumbnails.submit(id);
			}
			return attachments.find(id).orElseThrow(Refusals::notFound).metadata();
		}
		catch (IOException ex) {
			attachments.abortUpload(id);
			log.warn("Upload {} could not be checked: {}", id, ex.toString());
			throw ApiException.unavailable("Attachment store is unavailable, please retry");
		}
	}

	/** Rewrites the stored image without its metadata; the stripped size. */
	private long stripMetadata(Attachment attachment, SniffedType type) throws IOException {
		Path temp = Files.createTempFile(store.scratch(), attachment.contentKey(), ".strip");
		try {
			try (InputStream in = store.open(attachment.contentKey()); OutputStream out = Files.newOutputStream(temp)) {
				ImageMetadata.strip(type, in, out);
			}
			catch (IOException ex) {
				// A broken image is not one: refuse it rather than serve it as it came.
				refuse(attachment, Refusals.unsupportedType("The image cannot be read"));
			}
			long size = Files.size(temp);
			store.put(attachment.contentKey(), temp, attachment.contentType());
			return size;
		}
		finally {
			deleteQuietly(temp);
		}
	}

	/** Deletes the attachment and its bytes, then throws the refusal. */
	private void refuse(Attachment attachment, ApiException refusal) {
		try {
			store.delete(attachment.contentKey());
		}
		catch (IOException ex) {
			// The row stays, unfinished: the sweep deletes it and its object once it expires.
			log.warn("Refused upload {} not deleted from the store: {}", attachment.id(), ex.toString());
			attachments.abortUpload(attachment.id());
			throw refusal;
		}
		attachments.delete(attachment.id());
		throw refusal;
	}

	private static long copyAtMost(InputStream in, OutputStream out, long limit) throws IOException {
		byte[] buffer = new byte[64 * 1024];
		long total = 0;
		int read;
		while (total < limit && (read = in.read(buffer, 0, (int) Math.min(buffer.length, limit - total))) >= 0) {
			out.write(buffer, 0, read);
			total += read;
		}
		return total;
	}

	private static void deleteQuietly(Path file) {
		if (file != null) {
			try {
				Files.deleteIfExists(file);
			}
			catch (IOException ex) {
				log.debug("Temporary file {} left behind: {}", file, ex.toString());
			}
		}
	}
}
