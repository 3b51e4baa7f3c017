package org.chatline.auth.account;

import jakarta.validation.constraints.NotBlank;

/** {@code POST /api/v1/auth/login}. */
record LoginRequest(@NotBlank(message = "is required") String email,
		@NotBlank(message = "is required") String password) {
}
