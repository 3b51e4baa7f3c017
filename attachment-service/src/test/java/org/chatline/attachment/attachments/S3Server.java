package org.chatline.attachment.attachments;

import java.net.URI;

import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;

/**
 * A real S3-compatible server in the test JVM: S3Proxy (Maven Central, no Docker) over an in-memory
 * jclouds blob store, checking AWS signatures (v2 or v4) with a test key, so presigned URLs are
 * verified as a real store verifies them. Started once per test JVM.
 */
final class S3Server {

	static final String ACCESS_KEY = "test-access-key";

	static final String SECRET_KEY = "test-secret-key-of-some-length";

	static final S3Server INSTANCE = new S3Server();

	private final S3Proxy proxy;

	private S3Server() {
		BlobStoreContext context = ContextBuilder.newBuilder("transient")
			.credentials("identity", "credential")
			.build(BlobStoreContext.class);
		proxy = S3Proxy.builder()
			.blobStore(context.getBlobStore())
			.endpoint(URI.create("http://127.0.0.1:0"))
			.awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
			.build();
		try {
			proxy.start();
			while (!"STARTED".equals(proxy.getState())) {
				Thread.onSpinWait();
			}
		}
		catch (Exception ex) {
			throw new IllegalStateException("S3Proxy did not start", ex);
		}
	}

	String url() {
		return "http://127.0.0.1:" + proxy.getPort();
	}
}
