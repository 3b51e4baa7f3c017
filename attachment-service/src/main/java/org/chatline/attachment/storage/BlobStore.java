package org.chatline.attachment.storage;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Where attachments' bytes are kept, by key: a folder on this machine ({@link LocalBlobStore}) or an
 * S3-compatible object store ({@link S3BlobStore}). Everything above this interface is the same for
 * both; only whether clients talk to the store directly (presigned URLs) differs.
 */
public interface BlobStore {

	/**
	 * Where a client puts the bytes of a new object: a presigned URL on the store, or empty when
	 * uploads go through the service ({@code PUT /api/v1/attachments/{id}/content}).
	 */
	Optional<PresignedUrl> presignedUpload(String key, String contentType, long size);

	/**
	 * Where a client gets an object: a presigned URL that answers with this content type and
	 * {@code Content-Disposition}, or empty when downloads are streamed by the service.
	 */
	Optional<PresignedUrl> presignedDownload(String key, String contentType, String contentDisposition);

	/** Stores the file's bytes under {@code key} (replacing what was there); the file may be moved away. */
	void put(String key, Path file, String contentType) throws IOException;

	/** The object's size, or empty when there is none. */
	OptionalLong size(String key) throws IOException;

	/** The object's bytes, streamed; the caller closes the stream. */
	InputStream open(String key) throws IOException;

	/** At most the first {@code n} bytes of the object. */
	byte[] head(String key, int n) throws IOException;

	/** Removes the object; nothing happens when there is none. */
	void delete(String key) throws IOException;

	/** A folder for temporary files that {@link #put} can take over cheaply. */
	Path scratch();

	/** A URL a client may use until {@code expiresAt} (epoch milliseconds). */
	record PresignedUrl(URI url, java.util.Map<String, String> headers, long expiresAt) {
	}
}
