package org.chatline.user.directory;

import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface UserRepository extends JpaRepository<User, UUID> {

	@Query("select count(u) > 0 from User u where lower(u.username) = lower(:username)")
	boolean existsByUsernameIgnoreCase(@Param("username") String username);

	@Query("select count(u) > 0 from User u where lower(u.email) = lower(:email)")
	boolean existsByEmailIgnoreCase(@Param("email") String email);

	@Query("select count(u) > 0 from User u where lower(u.username) = lower(:username) and u.id <> :id")
	boolean usernameTakenByOther(@Param("username") String username, @Param("id") UUID id);

	/**
	 * Usernames by case-insensitive substring ({@code pattern} is already lower-cased and
	 * LIKE-escaped); e-mails only when {@code email} is the whole address (lower-cased), so an
	 * address can never be guessed a letter at a time.
	 */
	@Query(value = "select u from User u where lower(u.username) like :pattern escape '\\' or lower(u.email) = :email order by lower(u.username), u.id",
			countQuery = "select count(u) from User u where lower(u.username) like :pattern escape '\\' or lower(u.email) = :email")
	Page<User> search(@Param("pattern") String pattern, @Param("email") String email, Pageable pageable);
}
