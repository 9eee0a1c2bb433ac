package io.gatehouse.identitypool.role;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface RoleRepository extends JpaRepository<Role, String> {

	List<Role> findAllByOrderByNameAsc();

}
