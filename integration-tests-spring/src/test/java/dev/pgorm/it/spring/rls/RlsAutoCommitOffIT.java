package dev.pgorm.it.spring.rls;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Every test of {@link RlsFromSpringIT} again with the pool's auto-commit off, which Hibernate and
 * Spring's transaction managers handle differently (no {@code setAutoCommit(false)} per
 * transaction): the settings still apply to exactly one transaction.
 */
@SpringBootTest(
        classes = RlsFromSpringIT.App.class,
        properties = {
            "spring.jpa.hibernate.ddl-auto=create-drop",
            "pgorm.rls.security.setting=app.user_name",
            "pgorm.rls.tenant-setting=app.tenant_id",
            "pgorm.bulk.copy-threshold=2",
            "spring.datasource.hikari.auto-commit=false",
            "spring.jpa.properties.hibernate.connection.provider_disables_autocommit=true"
        })
@DirtiesContext
class RlsAutoCommitOffIT extends RlsFromSpringIT {}
