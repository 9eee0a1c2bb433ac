package io.gatehouse.identitypool.pool;

import java.util.List;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;

interface IdentityPoolRepository extends JpaRepository<IdentityPool, String> {

	List<IdentityPool> findByIdGreaterThanOrderByIdAsc(String after, Limit limit);

}
