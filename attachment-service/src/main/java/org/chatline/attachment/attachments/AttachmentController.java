package org.chatline.attachment.attachments;

import java.io.IOException;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.chatline.attachment.api.AttachmentMetadata;
import org.chatline.common.api.ApiResponse;
import org.chatline.common.security.AuthenticatedUser;

import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/attachments")
class AttachmentController {

	private final AttachmentService attachments;

	private final Uploads uploads;

	AttachmentController(AttachmentService attachments, Uploads uploads) {
		this.attachments = attachments;
		this.uploads = uploads;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	ApiResponse<AttachmentCreated> create(AuthenticatedUser caller, @Valid @RequestBody CreateAttachmentRequest body) {
		return ApiResponse.ok("Upload created", attachments.create(caller, body));
	}

	/** The bytes, as the raw request body (any content type: it is sniffed, not believed). */
	@PutMapping(path = "/{id}/content", consumes = MediaType.ALL_VALUE)
	ApiResponse<AttachmentMetadata> upload(AuthenticatedUser caller, @PathVariable UUID id, HttpServletRequest request)
			throws IOException {
		return ApiResponse.ok("Upload complete",
				uploads.receive(caller.id(), id, request.getContentLengthLong(), request.getInputStream()));
	}

	@PostMapping("/{id}/complete")
	ApiResponse<AttachmentMetadata> complete(AuthenticatedUser caller, @PathVariable UUID id) {
		return ApiResponse.ok("Upload complete", uploads.complete(caller.id(), id));
	}

	@GetMapping("/{id}")
	ApiResponse<AttachmentMetadata> get(AuthenticatedUser caller, @PathVariable UUID id) {
		return ApiResponse.ok(attachments.metadata(caller, id));
	}

	@GetMapping("/{id}/content")
	ResponseEntity<Resource> content(AuthenticatedUser caller, @PathVariable UUID id) {
		return respond(attachments.content(caller, id));
	}

	@GetMapping("/{id}/thumbnail")
	ResponseEntity<Resource> thumbnail(AuthenticatedUser caller, @PathVariable UUID id) {
		return respond(attachments.thumbnail(caller, id));
	}

	/**
	 * A redirect to the store, or the bytes; never rendered in the platform's origin: a download
	 * ({@code Content-Disposition}), no type guessing by the browser, and a sandbox without scripts.
	 */
	private static ResponseEntity<Resource> respond(Download download) {
		if (download.redirect() != null) {
			return ResponseEntity.status(HttpStatus.FOUND).location(download.redirect())
				.header(HttpHeaders.CACHE_CONTROL, "no-store").build();
		}
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(download.contentType()))
			.contentLength(download.length())
			.header(HttpHeaders.CONTENT_DISPOSITION, download.disposition())
			.header("X-Content-Type-Options", "nosniff")
			.header("Content-Security-Policy", "default-src 'none'; sandbox")
			.header(HttpHeaders.CACHE_CONTROL, "private, max-age=300")
			.body(new InputStreamResource(download.body()));
	}
}
