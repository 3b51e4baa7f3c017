package org.chatline.attachment.attachments;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.chatline.attachment.AttachmentProperties;
import org.chatline.attachment.media.Thumbnails;
import org.chatline.attachment.storage.BlobStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Makes images' thumbnails after their upload completed, one at a time on its own thread (decoding
 * is CPU and memory heavy; the upload's answer does not wait for it). The image's width and height
 * are recorded with it. A thumbnail lost with a restart, or refused because the queue was full, is
 * made later: the sweep hands overdue ones back here.
 */
@Component
class ThumbnailWorker implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(ThumbnailWorker.class);

	private final AttachmentRepository attachments;

	private final BlobStore store;

	private final int maxSide;

	private final ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
			new ArrayBlockingQueue<>(1000), runnable -> {
				Thread thread = new Thread(runnable, "thumbnails");
				thread.setDaemon(true);
				return thread;
			});

	ThumbnailWorker(AttachmentRepository attachments, BlobStore store, AttachmentProperties properties) {
		this.attachments = attachments;
		this.store = store;
		this.maxSide = properties.thumbnailSize();
	}

	void submit(UUID id) {
		try {
			executor.execute(() -> make(id));
		}
		catch (RejectedExecutionException ex) {
			log.info("Thumbnail of {} deferred: queue full", id);
		}
	}

	private void make(UUID id) {
		try {
			Attachment attachment = attachments.find(id).orElse(null);
			if (attachment == null || attachment.thumbnail() != Attachment.Thumbnail.PENDING) {
				return;
			}
			Thumbnails.Thumbnail thumbnail;
			try (InputStream image = store.open(attachment.contentKey())) {
				thumbnail = Thumbnails.of(image, maxSide);
			}
			catch (IOException ex) {
				log.info("No thumbnail for {}: {}", id, ex.getMessage());
				attachments.thumbnailFailed(id);
				return;
			}
			Path temp = Files.createTempFile(store.scratch(), id.toString(), ".thumb");
			Files.write(temp, thumbnail.jpeg());
			store.put(attachment.thumbnailKey(), temp, "image/jpeg");
			Files.deleteIfExists(temp);
			attachments.thumbnailDone(id, thumbnail.width(), thumbnail.height());
		}
		catch (IOException | RuntimeException ex) {
			// Left PENDING: the sweep offers it again.
			log.warn("Thumbnail of {} not made: {}", id, ex.toString());
		}
	}

	@Override
	public void destroy() {
		executor.shutdownNow();
	}
}
