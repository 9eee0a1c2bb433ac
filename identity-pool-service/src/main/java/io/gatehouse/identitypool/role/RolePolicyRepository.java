package io.gatehouse.identitypool.role;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface RolePolicyRepository extends JpaRepository<RolePolicy, RolePolicy.Key> {

	List<RolePolicy> findByRoleNameOrderByPolicyNameAsc(String roleName);

	long countByRoleName(String roleName);

}
