package org.chatline.attachment.storage;

import org.chatline.attachment.AttachmentProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one {@link BlobStore}, chosen by {@code chat.attachments.storage.type}. */
@Configuration(proxyBeanMethods = false)
class StorageConfiguration {

	@Bean
	BlobStore blobStore(AttachmentProperties properties) {
		AttachmentProperties.Storage storage = properties.storage();
		return switch (storage.type()) {
			case "local" -> new LocalBlobStore(storage.directory());
			case "s3" -> {
				S3BlobStore store = new S3BlobStore(storage.s3(), storage.directory().resolve(".incoming"));
				if (storage.s3().createBucket()) {
					store.ensureBucket();
				}
				yield store;
			}
			default -> throw new IllegalStateException(
					"chat.attachments.storage.type must be 'local' or 's3', not '" + storage.type() + "'");
		};
	}
}
