package dev.pgorm.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.hibernate.dialect.H2Dialect;
import org.hibernate.dialect.PostgreSQLDialect;
import org.junit.jupiter.api.Test;

class PgDialectGuardTest {

    @Test
    void recognisesPostgresAndItsSubclasses() {
        assertThat(PgDialectGuard.isPostgreSQL(new PostgreSQLDialect())).isTrue();
        assertThat(PgDialectGuard.isPostgreSQL(new PostgreSQLDialect() {})).isTrue();
        assertThat(PgDialectGuard.isPostgreSQL(new H2Dialect())).isFalse();
        assertThat(PgDialectGuard.isPostgreSQL((org.hibernate.dialect.Dialect) null)).isFalse();
    }

    @Test
    void requireNamesTheFeatureAndTheDialect() {
        assertThatThrownBy(() -> PgDialectGuard.requirePostgreSQL(new H2Dialect(), "PgBulk.insert"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("PgBulk.insert needs PostgreSQL")
                .hasMessageContaining("H2Dialect");
    }
}
