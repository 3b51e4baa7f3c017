package org.chatline.auth.credentials;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface CredentialRepository extends JpaRepository<Credential, UUID> {

	@Query("select c from Credential c where lower(c.email) = lower(:email)")
	Optional<Credential> findByEmail(@Param("email") String email);
}
