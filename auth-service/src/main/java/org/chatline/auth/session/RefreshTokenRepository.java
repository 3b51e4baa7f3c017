package org.chatline.auth.session;

import java.time.Instant;
import java.util.Optional;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface RefreshTokenRepository extends JpaRepository<RefreshToken, UUID> {

	/** Locks the row so two concurrent refreshes with one token are serialised: the second sees it used. */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select t from RefreshToken t where t.tokenHash = :hash")
	Optional<RefreshToken> findForUpdate(@Param("hash") String hash);

	Optional<RefreshToken> findByTokenHash(String tokenHash);

	@Modifying(flushAutomatically = true, clearAutomatically = true)
	@Query("update RefreshToken t set t.revokedAt = :now where t.familyId = :family and t.revokedAt is null")
	int revokeFamily(@Param("family") UUID family, @Param("now") Instant now);

	/** Sessions revoked after {@code since}, with the time of their revocation. */
	@Query("select t.familyId as familyId, max(t.revokedAt) as revokedAt from RefreshToken t "
			+ "where t.revokedAt > :since group by t.familyId")
	List<RevokedFamily> revokedSince(@Param("since") Instant since);

	interface RevokedFamily {

		UUID getFamilyId();

		Instant getRevokedAt();

	}

	@Query("select distinct t.familyId from RefreshToken t where t.userId = :user")
	List<UUID> familiesOf(@Param("user") UUID user);

	@Modifying(flushAutomatically = true, clearAutomatically = true)
	@Query("update RefreshToken t set t.revokedAt = :now where t.userId = :user and t.revokedAt is null")
	int revokeAllOf(@Param("user") UUID user, @Param("now") Instant now);

	@Modifying(flushAutomatically = true, clearAutomatically = true)
	@Query("delete from RefreshToken t where t.userId = :user")
	int deleteAllOf(@Param("user") UUID user);
}
