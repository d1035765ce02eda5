package dev.pgorm.it.spring.rls;

import org.springframework.data.jpa.repository.JpaRepository;

interface TenantDocRepository extends JpaRepository<TenantDoc, Long> {}
