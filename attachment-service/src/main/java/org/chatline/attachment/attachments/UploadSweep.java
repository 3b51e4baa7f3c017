package org.chatline.attachment.attachments;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.chatline.attachment.storage.BlobStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Removes uploads that were never completed once they expire ({@code chat.attachments.upload-ttl}),
 * with whatever bytes reached the store, and hands overdue thumbnails back to the worker. Safe with
 * several instances: each batch is taken with {@code FOR UPDATE SKIP LOCKED} and marked EXPIRED in
 * one short transaction, the objects are deleted outside it, then the rows.
 */
@Component
class UploadSweep {

	private static final Logger log = LoggerFactory.getLogger(UploadSweep.class);

	private static final int BATCH = 100;

	private final AttachmentRepository attachments;

	private final BlobStore store;

	private final ThumbnailWorker thumbnails;

	private final TransactionTemplate tx;

	UploadSweep(AttachmentRepository attachments, BlobStore store,
			ThumbnailWorker thumbnails, PlatformTransactionManager transactionManager) {
		this.attachments = attachments;
		this.store = store;
		this.thumbnails = thumbnails;
		this.tx = new TransactionTemplate(transactionManager);
	}

	@Scheduled(fixedDelayString = "${chat.attachments.sweep-interval:1m}", initialDelayString = "${chat.attachments.sweep-interval:1m}")
	void sweep() {
		try {
			removeExpired();
			attachments.overdueThumbnails(Duration.ofMinutes(1), 20).forEach(thumbnails::submit);
		}
		catch (RuntimeException ex) {
			log.warn("Attachment sweep failed, next run retries: {}", ex.toString());
		}
	}

	/** @return how many expired uploads were removed */
	int removeExpired() {
		int removed = 0;
		List<UUID> batch;
		int before;
		do {
			before = removed;
			batch = tx.execute(status -> attachments.expire(BATCH));
			for (UUID id : batch) {
				try {
					store.delete(id.toString());
					store.delete(Attachment.thumbnailKey(id));
					attachments.delete(id);
					removed++;
				}
				catch (IOException ex) {
					log.warn("Expired upload {} not removed from the store yet: {}", id, ex.toString());
				}
			}
		}
		// A full batch that removed nothing means the store is failing: wait for the next run.
		while (batch.size() == BATCH && removed > before);
		return removed;
	}
}
