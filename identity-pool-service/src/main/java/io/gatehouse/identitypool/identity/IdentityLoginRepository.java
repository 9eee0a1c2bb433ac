package io.gatehouse.identitypool.identity;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface IdentityLoginRepository extends JpaRepository<IdentityLogin, IdentityLogin.Key> {

	Optional<IdentityLogin> findByPoolIdAndProviderAndSubject(String poolId, String provider, String subject);

	List<IdentityLogin> findByIdentityIdOrderByProviderAsc(String identityId);

	List<IdentityLogin> findByIdentityIdIn(List<String> identityIds);

	/** Links a login unless another identity has it already; answers 1 when this call linked it. */
	@Modifying
	@Query(nativeQuery = true, value = """
			insert into identity_pool.identity_login (pool_id, provider, subject, identity_id, created_at)
			values (:poolId, :provider, :subject, :identityId, :createdAt)
			on conflict do nothing""")
	int link(String poolId, String provider, String subject, String identityId, Instant createdAt);

	@Modifying
	@Query("delete from IdentityLogin l where l.identityId = :identityId and l.provider in :providers")
	int unlink(String identityId, List<String> providers);

	@Modifying
	@Query("update IdentityLogin l set l.identityId = :to where l.identityId = :from")
	int moveAll(String from, String to);

}
