package dev.pgorm.it.spring.rls;

import dev.pgorm.spring.PgBulkRepository;
import org.springframework.data.jpa.repository.JpaRepository;

// tag::bulk-repository[]
interface ItemRepository extends JpaRepository<Item, Long>, PgBulkRepository<Item> {}
// end::bulk-repository[]
