package org.chatline.auth.credentials;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.chatline.auth.AuthProperties;
import org.chatline.common.api.DomainException;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Password hashing (BCrypt) and checking, with the same cost whether or not the email is known. */
@Service
public class CredentialService {

	/** BCrypt reads at most 72 bytes; longer passwords would be silently truncated, so they are refused. */
	static final int MAX_PASSWORD_BYTES = 72;

	private final CredentialRepository credentials;

	private final BCryptPasswordEncoder encoder;

	// Checked against when the email is unknown, so the answer takes as long as for a known email.
	private final String dummyHash;

	CredentialService(CredentialRepository credentials, AuthProperties properties) {
		this.credentials = credentials;
		this.encoder = new BCryptPasswordEncoder(properties.bcryptStrength());
		this.dummyHash = encoder.encode(UUID.randomUUID().toString());
	}

	/** Hashes a new password (slow on purpose: do it before opening a transaction or calling out). */
	public String hash(String password) {
		if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
			throw DomainException.invalid("password: must be at most " + MAX_PASSWORD_BYTES + " bytes");
		}
		return encoder.encode(password);
	}

	@Transactional
	public void store(UUID userId, String email, String passwordHash) {
		credentials.saveAndFlush(new Credential(userId, email.trim().toLowerCase(Locale.ROOT), passwordHash,
				Instant.now().truncatedTo(ChronoUnit.MILLIS)));
	}

	/** The user id whose credentials these are, or empty when the email is unknown or the password wrong. */
	@Transactional(readOnly = true)
	public Optional<UUID> authenticate(String email, String password) {
		Optional<Credential> credential = credentials.findByEmail(email.trim());
		if (credential.isEmpty()) {
			encoder.matches(password, dummyHash);
			return Optional.empty();
		}
		return encoder.matches(password, credential.get().getPasswordHash()) ? Optional.of(credential.get().getId())
				: Optional.empty();
	}

	@Transactional
	public void delete(UUID userId) {
		credentials.findById(userId).ifPresent(credentials::delete);
	}
}
