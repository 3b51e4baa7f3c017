package org.chatline.attachment;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code chat.attachments.*}: where the bytes are kept, how large and how many uploads a user may
 * make, how long an upload may stay unfinished, and the thumbnail size.
 *
 * @param storage the object store
 * @param limits sizes, rate and quota
 * @param uploadTtl how long an upload may stay unfinished before the sweep removes it
 * @param sweepInterval how often unfinished uploads past their time are looked for
 * @param thumbnailSize the longest side of an image's thumbnail, in pixels
 */
@ConfigurationProperties("chat.attachments")
public record AttachmentProperties(@DefaultValue Storage storage, @DefaultValue Limits limits,
		@DefaultValue("15m") Duration uploadTtl, @DefaultValue("1m") Duration sweepInterval,
		@DefaultValue("320") int thumbnailSize) {

	/**
	 * @param type {@code local} (a folder on this machine, uploads streamed through the gateway) or
	 * {@code s3} (any S3-compatible store, uploads and downloads by presigned URL)
	 * @param directory the folder of the local store
	 * @param s3 the S3 store
	 */
	public record Storage(@DefaultValue("local") String type, @DefaultValue(".data/attachments") Path directory,
			@DefaultValue S3 s3) {
	}

	/**
	 * @param endpoint the store's URL ({@code https://s3.eu-west-1.amazonaws.com}, a MinIO URL); empty
	 * for AWS's default endpoint of the region
	 * @param pathStyle {@code bucket} in the path rather than the host name (MinIO, most self-hosted stores)
	 * @param urlTtl lifetime of the presigned upload and download URLs
	 * @param createBucket create the bucket at start-up when it is missing (development stores)
	 */
	public record S3(String endpoint, @DefaultValue("us-east-1") String region,
			@DefaultValue("chatline-attachments") String bucket, String accessKey, String secretKey,
			@DefaultValue("true") boolean pathStyle, @DefaultValue("5m") Duration urlTtl,
			@DefaultValue("false") boolean createBucket) {
	}

	/**
	 * @param image largest image
	 * @param video largest video
	 * @param voice largest voice note
	 * @param file largest other file
	 * @param quota bytes one user may keep stored in all
	 * @param uploads uploads one user may start per {@code window}
	 */
	public record Limits(@DefaultValue("10MB") DataSize image, @DefaultValue("25MB") DataSize video,
			@DefaultValue("25MB") DataSize voice, @DefaultValue("25MB") DataSize file,
			@DefaultValue("2GB") DataSize quota, @DefaultValue("60") int uploads,
			@DefaultValue("10m") Duration window) {
	}
}
