package org.chatline.auth.account;

import jakarta.validation.constraints.NotBlank;

/** {@code POST /api/v1/auth/refresh} and {@code /logout}. */
record RefreshTokenRequest(@NotBlank(message = "is required") String refreshToken) {
}
