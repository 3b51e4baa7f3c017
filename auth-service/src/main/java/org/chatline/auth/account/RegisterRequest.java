package org.chatline.auth.account;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** {@code POST /api/v1/auth/register}, validated as the contract says. */
record RegisterRequest(
		@NotNull(message = "is required") @Size(min = 3, max = 50, message = "must be 3-50 characters") @Pattern(
				regexp = "^[A-Za-z0-9_]*$", message = "may contain only letters, numbers and underscores") String username,
		@NotBlank(message = "is required") @Size(max = 254, message = "must be at most 254 characters") @Email(
				regexp = "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", message = "must be a valid email address") String email,
		@NotNull(message = "is required") @Size(min = 8, message = "must be at least 8 characters") @Pattern(
				regexp = "^(?=.*[a-z])(?=.*[A-Z])(?=.*\\d).*$",
				message = "must contain an uppercase letter, a lowercase letter and a number") String password) {
}
