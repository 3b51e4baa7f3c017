package org.chatline.attachment.attachments;

import org.chatline.attachment.api.ClaimAttachmentsRequest;
import org.chatline.attachment.api.ClaimedAttachmentsResponse;
import org.chatline.common.api.ApiResponse;
import org.chatline.common.security.ServiceCaller;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Service-to-service (never routed by the gateway; a service token required, see common-lib's
 * {@code AuthenticationFilter}): message-service claims the attachments of a message it is storing.
 */
@RestController
class InternalAttachmentController {

	private final Claims claims;

	InternalAttachmentController(Claims claims) {
		this.claims = claims;
	}

	@PostMapping("/internal/attachments/claim")
	ApiResponse<ClaimedAttachmentsResponse> claim(ServiceCaller caller, @RequestBody ClaimAttachmentsRequest body) {
		caller.require("message-service");
		return ApiResponse.ok(claims.claim(body));
	}
}
