package io.gatehouse.identitypool.identity;

import java.util.List;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;

interface IdentityRepository extends JpaRepository<Identity, String> {

	List<Identity> findByPoolIdAndIdGreaterThanOrderByIdAsc(String poolId, String after, Limit limit);

}
