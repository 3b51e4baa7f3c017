package org.chatline.auth.credentials;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;

import org.springframework.data.domain.Persistable;

/** A user's login: email and password hash, keyed by the user id user-service knows the user by. */
@Entity
@Table(name = "credentials")
class Credential implements Persistable<UUID> {

	@Id
	@Column(name = "user_id")
	private UUID userId;

	@Column(nullable = false, length = 254)
	private String email;

	@Column(name = "password_hash", nullable = false, length = 100)
	private String passwordHash;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	@Transient
	private boolean isNew;

	protected Credential() {
	}

	Credential(UUID userId, String email, String passwordHash, Instant now) {
		this.userId = userId;
		this.email = email;
		this.passwordHash = passwordHash;
		this.createdAt = now;
		this.updatedAt = now;
		this.isNew = true;
	}

	@PostLoad
	@PostPersist
	void markNotNew() {
		this.isNew = false;
	}

	@Override
	public boolean isNew() {
		return isNew;
	}

	@Override
	public UUID getId() {
		return userId;
	}

	String getPasswordHash() {
		return passwordHash;
	}
}
