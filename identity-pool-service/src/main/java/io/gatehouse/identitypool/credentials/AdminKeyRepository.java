package io.gatehouse.identitypool.credentials;

import org.springframework.data.jpa.repository.JpaRepository;

interface AdminKeyRepository extends JpaRepository<AdminKey, String> {

}
