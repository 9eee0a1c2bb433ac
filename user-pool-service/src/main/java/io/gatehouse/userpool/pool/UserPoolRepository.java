package io.gatehouse.userpool.pool;

import java.util.List;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface UserPoolRepository extends JpaRepository<UserPoolEntity, String> {

	List<UserPoolEntity> findAllByOrderByIdAsc(Limit limit);

	List<UserPoolEntity> findByIdGreaterThanOrderByIdAsc(String after, Limit limit);

	/** Deletes only an unprotected pool, so a concurrent UpdateUserPool cannot race the check. */
	@Modifying
	@Query("delete from UserPoolEntity p where p.id = :id and p.deletionProtection = false")
	int deleteUnprotected(@Param("id") String id);

}
