package org.chatline.user.directory;

import java.util.UUID;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** {@code POST /internal/users}: auth-service creating the user it is registering. */
record CreateUserRequest(@NotNull UUID id,
		@NotBlank @Size(min = 3, max = 50) @Pattern(regexp = "^[A-Za-z0-9_]+$") String username,
		@NotBlank @Email @Size(max = 254) String email) {
}
