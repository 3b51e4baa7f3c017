package org.chatline.user.directory;

import java.util.Locale;
import java.util.UUID;

import org.chatline.common.api.DatabaseErrors;
import org.chatline.common.api.DomainException;
import org.chatline.common.api.ImageUrls;
import org.chatline.common.api.PageResponse;
import org.chatline.common.api.Paging;
import org.chatline.common.outbox.OutboxWriter;
import org.chatline.user.api.UserEvent.UserDeleted;
import org.chatline.user.api.UserEvent.UserRegistered;
import org.chatline.user.api.UserEvent.UserUpdated;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The user directory: creation, profile changes and deletion, each with its event in the same transaction. */
@Service
class UserService {

	static final String USERNAME_TAKEN = "Username already taken";

	static final String EMAIL_TAKEN = "Email already registered";

	private final UserRepository users;

	private final OutboxWriter outbox;

	private final ProfileProperties profiles;

	UserService(UserRepository users, OutboxWriter outbox, ProfileProperties profiles) {
		this.users = users;
		this.outbox = outbox;
		this.profiles = profiles;
	}

	@Transactional
	public User create(CreateUserRequest request) {
		// These checks only give a precise message; the unique indexes decide races.
		if (users.existsByUsernameIgnoreCase(request.username())) {
			throw DomainException.conflict(USERNAME_TAKEN);
		}
		if (users.existsByEmailIgnoreCase(request.email())) {
			throw DomainException.conflict(EMAIL_TAKEN);
		}
		if (users.existsById(request.id())) {
			throw DomainException.conflict("User already exists");
		}
		User user;
		try {
			user = users.saveAndFlush(User.register(request.id(), request.username(), request.email().trim()));
		}
		catch (DataIntegrityViolationException ex) {
			throw conflictFrom(ex);
		}
		outbox.append(user.getId().toString(), user.getId(),
				new UserRegistered(user.getId(), user.getUsername(), user.getEmail(), user.getCreatedAt()));
		return user;
	}

	@Transactional(readOnly = true)
	public User get(UUID id) {
		return users.findById(id).orElseThrow(() -> DomainException.notFound("User not found"));
	}

	@Transactional
	public User update(UUID id, UUID callerId, UpdateUserRequest request) {
		requireOwner(id, callerId, "You can only update your own profile");
		if (request.avatar() != null && !request.avatar().isEmpty()) {
			String problem = ImageUrls.problem(request.avatar(), profiles.allowHttpUrls());
			if (problem != null) {
				throw DomainException.invalid("avatar: " + problem);
			}
		}
		User user = get(id);
		if (request.username() != null && users.usernameTakenByOther(request.username(), id)) {
			throw DomainException.conflict(USERNAME_TAKEN);
		}
		user.updateProfile(request.username(), request.avatar(), request.statusMessage());
		try {
			users.flush();
		}
		catch (DataIntegrityViolationException ex) {
			throw conflictFrom(ex);
		}
		outbox.append(id.toString(), callerId, new UserUpdated(id, user.getUsername(), user.getAvatar(),
				user.getStatusMessage(), user.getUpdatedAt()));
		return user;
	}

	@Transactional
	public void delete(UUID id, UUID callerId) {
		requireOwner(id, callerId, "You can only delete your own account");
		delete(id);
	}

	/**
	 * Deletes a user and announces it, so auth-service drops credentials and sessions and every
	 * projection forgets the user. Also used by auth-service to undo a registration it could not finish.
	 */
	@Transactional
	public void delete(UUID id) {
		User user = get(id);
		users.delete(user);
		outbox.append(id.toString(), id, new UserDeleted(id));
	}

	@Transactional(readOnly = true)
	public PageResponse<UserSummary> search(String query, Paging paging) {
		String trimmed = query == null ? "" : query.trim();
		if (trimmed.isEmpty()) {
			throw DomainException.invalid("query: must not be blank");
		}
		if (trimmed.length() > 100) {
			throw DomainException.invalid("query: must be at most 100 characters");
		}
		String lower = trimmed.toLowerCase(Locale.ROOT);
		Page<User> page = users.search("%" + escapeLike(lower) + "%", lower,
				PageRequest.of(paging.page() - 1, paging.limit()));
		return PageResponse.of(page.getContent().stream().map(UserSummary::of).toList(), paging,
				page.getTotalElements());
	}

	static String escapeLike(String value) {
		return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	private static void requireOwner(UUID id, UUID callerId, String message) {
		if (!id.equals(callerId)) {
			throw DomainException.forbidden(message);
		}
	}

	private static DomainException conflictFrom(DataIntegrityViolationException ex) {
		if (DatabaseErrors.invalidText(ex)) {
			return DatabaseErrors.invalidTextError();
		}
		String detail = String.valueOf(ex.getMostSpecificCause().getMessage());
		if (detail.contains("uq_users_email_lower")) {
			return DomainException.conflict(EMAIL_TAKEN);
		}
		if (detail.contains("uq_users_username_lower")) {
			return DomainException.conflict(USERNAME_TAKEN);
		}
		return DomainException.conflict("User already exists");
	}
}
