package io.gatehouse.userpool.admin;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface AdminAccessKeyRepository extends JpaRepository<AdminAccessKeyEntity, String> {

	@Modifying
	@Query("delete from AdminAccessKeyEntity k where k.accessKeyId <> :keep")
	int deleteAllExcept(@Param("keep") String keep);

}
