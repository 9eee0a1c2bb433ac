package io.gatehouse.userpool.user;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

interface UserAccountRepository extends JpaRepository<UserAccount, UUID> {

	// Joins a caller's transaction but opens none (the token pipeline reads the user on every refresh).
	@Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
	@Query("select u from UserAccount u where u.poolId = :poolId and u.sub = :sub")
	Optional<UserAccount> findInPool(@Param("poolId") String poolId, @Param("sub") UUID sub);

	/** Loads the row FOR UPDATE so concurrent read-modify-write of the attributes cannot lose an update. */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select u from UserAccount u where u.poolId = :poolId and u.sub = :sub")
	Optional<UserAccount> lockInPool(@Param("poolId") String poolId, @Param("sub") UUID sub);

	@Query("select u from UserAccount u where u.poolId = :poolId and u.usernameKey = :usernameKey")
	Optional<UserAccount> findByUsernameKey(@Param("poolId") String poolId, @Param("usernameKey") String usernameKey);

	// lower() on both sides: the unique index is on lower(sign_in_email), so lookups use it too.
	@Query(value = "select * from user_pool.user_account where pool_id = :poolId and lower(sign_in_email) = lower(:email)",
			nativeQuery = true)
	Optional<UserAccount> findBySignInEmail(@Param("poolId") String poolId, @Param("email") String email);

	@Query("select u from UserAccount u where u.poolId = :poolId and u.signInPhone = :phone")
	Optional<UserAccount> findBySignInPhone(@Param("poolId") String poolId, @Param("phone") String phone);

	@Query("select u from UserAccount u where u.poolId = :poolId and u.signInPreferredUsername = :key")
	Optional<UserAccount> findBySignInPreferredUsername(@Param("poolId") String poolId, @Param("key") String key);

	@Query("select count(u) from UserAccount u where u.poolId = :poolId")
	long countInPool(@Param("poolId") String poolId);

	@Modifying
	@Query(value = "delete from user_pool.user_account where pool_id = :poolId and sub = :sub", nativeQuery = true)
	int deleteInPool(@Param("poolId") String poolId, @Param("sub") UUID sub);

	/** forceAliasCreation: the other holder of a verified email alias loses it and its verification. */
	@Modifying
	@Query(value = "update user_pool.user_account set sign_in_email = null, updated_at = :now,"
			+ " attributes = attributes || '{\"email_verified\":\"false\"}'::jsonb"
			+ " where pool_id = :poolId and lower(sign_in_email) = lower(:email) and sub <> :sub", nativeQuery = true)
	int releaseEmailAlias(@Param("poolId") String poolId, @Param("email") String email, @Param("sub") UUID sub,
			@Param("now") Instant now);

	/** forceAliasCreation for a verified phone alias. */
	@Modifying
	@Query(value = "update user_pool.user_account set sign_in_phone = null, updated_at = :now,"
			+ " attributes = attributes || '{\"phone_number_verified\":\"false\"}'::jsonb"
			+ " where pool_id = :poolId and sign_in_phone = :phone and sub <> :sub", nativeQuery = true)
	int releasePhoneAlias(@Param("poolId") String poolId, @Param("phone") String phone, @Param("sub") UUID sub,
			@Param("now") Instant now);

	@Query(value = "select password_hash from user_pool.user_account where sub = :sub", nativeQuery = true)
	Optional<String> findPasswordHash(@Param("sub") UUID sub);

}
