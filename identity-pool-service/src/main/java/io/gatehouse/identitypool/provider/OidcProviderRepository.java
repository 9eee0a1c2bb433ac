package io.gatehouse.identitypool.provider;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface OidcProviderRepository extends JpaRepository<OidcProvider, String> {

	boolean existsByUrl(String url);

	java.util.Optional<OidcProvider> findByUrl(String url);

	List<OidcProvider> findAllByOrderByArnAsc();

}
