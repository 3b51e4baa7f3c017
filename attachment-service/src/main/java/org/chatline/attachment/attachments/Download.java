package org.chatline.attachment.attachments;

import java.io.InputStream;
import java.net.URI;

/** How a client gets some bytes: a redirect to a presigned URL, or the bytes streamed by this service. */
record Download(URI redirect, InputStream body, long length, String contentType, String disposition) {

	static Download redirect(URI url) {
		return new Download(url, null, -1, null, null);
	}

	static Download stream(InputStream body, long length, String contentType, String disposition) {
		return new Download(null, body, length, contentType, disposition);
	}
}
