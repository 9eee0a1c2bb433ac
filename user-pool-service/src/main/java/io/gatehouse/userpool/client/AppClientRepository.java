package io.gatehouse.userpool.client;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface AppClientRepository extends JpaRepository<AppClientEntity, String> {

	@Query("select c.settings from AppClientEntity c")
	List<String> findAllSettings();

	Optional<AppClientEntity> findByPoolIdAndClientId(String poolId, String clientId);

	List<AppClientEntity> findByPoolIdOrderByClientIdAsc(String poolId, Limit limit);

	List<AppClientEntity> findByPoolIdAndClientIdGreaterThanOrderByClientIdAsc(String poolId, String after, Limit limit);

	@Modifying
	@Query("delete from AppClientEntity c where c.poolId = :poolId and c.clientId = :clientId")
	int deleteByPoolIdAndClientId(@Param("poolId") String poolId, @Param("clientId") String clientId);

}
