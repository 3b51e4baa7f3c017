package org.chatline.attachment.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import org.chatline.attachment.AttachmentProperties;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedGetObjectRequest;
import software.amazon.awssdk.services.s3.presigner.model.PresignedPutObjectRequest;

/**
 * Any S3-compatible store (AWS S3, MinIO, Ceph, R2) through the AWS SDK v2. Clients upload and
 * download with short-lived presigned URLs, so the bytes never pass through the platform; the
 * service only reads an object's head to sniff its type, and images to strip their metadata and
 * make thumbnails.
 */
public class S3BlobStore implements BlobStore, AutoCloseable {

	private final S3Client s3;

	private final S3Presigner presigner;

	private final String bucket;

	private final Duration urlTtl;

	private final Path scratch;

	public S3BlobStore(AttachmentProperties.S3 properties, Path scratch) {
		this.bucket = properties.bucket();
		this.urlTtl = properties.urlTtl();
		this.scratch = scratch;
		AwsCredentialsProvider credentials = hasText(properties.accessKey())
				? StaticCredentialsProvider.create(AwsBasicCredentials.create(properties.accessKey(), properties.secretKey()))
				: DefaultCredentialsProvider.builder().build();
		S3Configuration style = S3Configuration.builder().pathStyleAccessEnabled(properties.pathStyle()).build();
		Region region = Region.of(properties.region());
		var client = S3Client.builder()
			.httpClientBuilder(UrlConnectionHttpClient.builder())
			.credentialsProvider(credentials)
			.region(region)
			.serviceConfiguration(style)
			// Checksums only where the API requires them: many S3-compatible stores refuse or
			// mishandle the SDK's default x-amz-checksum-* headers.
			.requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
			.responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
		var signer = S3Presigner.builder().credentialsProvider(credentials).region(region).serviceConfiguration(style);
		if (hasText(properties.endpoint())) {
			client.endpointOverride(URI.create(properties.endpoint()));
			signer.endpointOverride(URI.create(properties.endpoint()));
		}
		this.s3 = client.build();
		this.presigner = signer.build();
		try {
			Files.createDirectories(scratch);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public Optional<PresignedUrl> presignedUpload(String key, String contentType, long size) {
		// Type and length are signed: the store refuses another type or another size.
		PresignedPutObjectRequest presigned = presigner.presignPutObject(p -> p.signatureDuration(urlTtl)
			.putObjectRequest(put -> put.bucket(bucket).key(key).contentType(contentType).contentLength(size)));
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("Content-Type", contentType);
		return Optional.of(new PresignedUrl(uri(presigned.url()), headers, presigned.expiration().toEpochMilli()));
	}

	@Override
	public Optional<PresignedUrl> presignedDownload(String key, String contentType, String contentDisposition) {
		PresignedGetObjectRequest presigned = presigner.presignGetObject(p -> p.signatureDuration(urlTtl)
			.getObjectRequest(get -> get.bucket(bucket)
				.key(key)
				.responseContentType(contentType)
				.responseContentDisposition(contentDisposition)));
		return Optional.of(new PresignedUrl(uri(presigned.url()), Map.of(), presigned.expiration().toEpochMilli()));
	}

	@Override
	public void put(String key, Path file, String contentType) throws IOException {
		try {
			s3.putObject(p -> p.bucket(bucket).key(key).contentType(contentType), RequestBody.fromFile(file));
		}
		catch (SdkException ex) {
			throw new IOException("Cannot store " + key, ex);
		}
		finally {
			Files.deleteIfExists(file);
		}
	}

	@Override
	public OptionalLong size(String key) throws IOException {
		try {
			return OptionalLong.of(s3.headObject(h -> h.bucket(bucket).key(key)).contentLength());
		}
		catch (NoSuchKeyException ex) {
			return OptionalLong.empty();
		}
		catch (S3Exception ex) {
			if (ex.statusCode() == 404) {
				return OptionalLong.empty();
			}
			throw new IOException("Cannot read " + key, ex);
		}
		catch (SdkException ex) {
			throw new IOException("Cannot read " + key, ex);
		}
	}

	@Override
	public InputStream open(String key) throws IOException {
		try {
			return s3.getObject(g -> g.bucket(bucket).key(key));
		}
		catch (SdkException ex) {
			throw new IOException("Cannot read " + key, ex);
		}
	}

	@Override
	public byte[] head(String key, int n) throws IOException {
		try (InputStream in = s3.getObject(g -> g.bucket(bucket).key(key).range("bytes=0-" + (n - 1)))) {
			return in.readNBytes(n);
		}
		catch (SdkException ex) {
			throw new IOException("Cannot read " + key, ex);
		}
	}

	@Override
	public void delete(String key) throws IOException {
		try {
			s3.deleteObject(d -> d.bucket(bucket).key(key));
		}
		catch (SdkException ex) {
			throw new IOException("Cannot delete " + key, ex);
		}
	}

	@Override
	public Path scratch() {
		return scratch;
	}

	/** Creates the bucket when it is missing (development stores); production buckets are made by the operator. */
	public void ensureBucket() {
		try {
			s3.headBucket(h -> h.bucket(bucket));
		}
		catch (NoSuchBucketException ex) {
			s3.createBucket(c -> c.bucket(bucket));
		}
	}

	@Override
	public void close() {
		presigner.close();
		s3.close();
	}

	private static URI uri(java.net.URL url) {
		try {
			return url.toURI();
		}
		catch (java.net.URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static boolean hasText(String value) {
		return value != null && !value.isBlank();
	}
}
