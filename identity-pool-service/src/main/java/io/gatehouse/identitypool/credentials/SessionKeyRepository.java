package io.gatehouse.identitypool.credentials;

import java.time.Instant;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

interface SessionKeyRepository extends JpaRepository<SessionKey, String> {

	@Modifying
	@Transactional
	@Query("delete from SessionKey k where k.createdAt < :before")
	int deleteCreatedBefore(Instant before);

}
