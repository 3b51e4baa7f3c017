package org.chatline.user.directory;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;

import org.springframework.data.domain.Persistable;

/** A user of the platform. The id is chosen by auth-service at registration. */
@Entity
@Table(name = "users")
class User implements Persistable<UUID> {

	static final String DEFAULT_ROLE = "USER";

	@Id
	private UUID id;

	@Column(nullable = false, length = 50)
	private String username;

	@Column(nullable = false, length = 254)
	private String email;

	@Column(nullable = false, length = 20)
	private String role;

	@Column(length = 2048)
	private String avatar;

	@Column(name = "status_message", length = 255)
	private String statusMessage;

	@Column(name = "is_online", nullable = false)
	private boolean online;

	@Column(name = "last_seen", nullable = false)
	private Instant lastSeen;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	// The id is assigned, so Spring Data cannot tell a new user from an existing one by a null id.
	@Transient
	private boolean isNew;

	protected User() {
	}

	static User register(UUID id, String username, String email) {
		User user = new User();
		Instant now = now();
		user.id = id;
		user.username = username;
		user.email = email;
		user.role = DEFAULT_ROLE;
		user.online = false;
		user.lastSeen = now;
		user.createdAt = now;
		user.updatedAt = now;
		user.isNew = true;
		return user;
	}

	void updateProfile(String username, String avatar, String statusMessage) {
		if (username != null) {
			this.username = username;
		}
		if (avatar != null) {
			this.avatar = avatar.isEmpty() ? null : avatar;
		}
		if (statusMessage != null) {
			this.statusMessage = statusMessage.isEmpty() ? null : statusMessage;
		}
		this.updatedAt = now();
	}

	private static Instant now() {
		// Millisecond precision, as the contract's timestamps show.
		return Instant.now().truncatedTo(ChronoUnit.MILLIS);
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
		return id;
	}

	String getUsername() {
		return username;
	}

	String getEmail() {
		return email;
	}

	String getRole() {
		return role;
	}

	String getAvatar() {
		return avatar;
	}

	String getStatusMessage() {
		return statusMessage;
	}

	boolean isOnline() {
		return online;
	}

	Instant getLastSeen() {
		return lastSeen;
	}

	Instant getCreatedAt() {
		return createdAt;
	}

	Instant getUpdatedAt() {
		return updatedAt;
	}
}
