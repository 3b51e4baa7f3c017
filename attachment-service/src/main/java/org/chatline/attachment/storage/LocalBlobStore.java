package org.chatline.attachment.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The embedded store of {@code ./run.sh}: one file per key under a folder, two levels of sub-folders
 * by the key's first characters so no folder grows huge. A new object is written to a temporary
 * file beside it and moved into place, so a reader never sees half an object.
 */
public class LocalBlobStore implements BlobStore {

	private final Path root;

	private final Path scratch;

	public LocalBlobStore(Path root) {
		this.root = root.toAbsolutePath().normalize();
		this.scratch = this.root.resolve(".incoming");
		try {
			Files.createDirectories(this.scratch);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create the attachment folder " + this.root, ex);
		}
	}

	@Override
	public Optional<PresignedUrl> presignedUpload(String key, String contentType, long size) {
		return Optional.empty();
	}

	@Override
	public Optional<PresignedUrl> presignedDownload(String key, String contentType, String contentDisposition) {
		return Optional.empty();
	}

	@Override
	public void put(String key, Path file, String contentType) throws IOException {
		Path target = path(key);
		Files.createDirectories(target.getParent());
		Files.move(file, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
	}

	@Override
	public OptionalLong size(String key) throws IOException {
		try {
			return OptionalLong.of(Files.size(path(key)));
		}
		catch (NoSuchFileException ex) {
			return OptionalLong.empty();
		}
	}

	@Override
	public InputStream open(String key) throws IOException {
		return Files.newInputStream(path(key));
	}

	@Override
	public byte[] head(String key, int n) throws IOException {
		try (InputStream in = open(key)) {
			return in.readNBytes(n);
		}
	}

	@Override
	public void delete(String key) throws IOException {
		Files.deleteIfExists(path(key));
	}

	@Override
	public Path scratch() {
		return scratch;
	}

	/** Keys are made by this service (a UUID and a suffix), never by clients; checked anyway. */
	private Path path(String key) {
		if (!key.matches("[0-9a-f-]{36}(\\.[a-z]+)?")) {
			throw new IllegalArgumentException("Not an object key: " + key);
		}
		return root.resolve(key.substring(0, 2)).resolve(key.substring(2, 4)).resolve(key);
	}
}
