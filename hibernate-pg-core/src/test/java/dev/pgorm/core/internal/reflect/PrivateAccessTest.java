package dev.pgorm.core.internal.reflect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.lang.reflect.Field;
import java.sql.Connection;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.hibernate.mapping.Component;
import org.hibernate.type.descriptor.WrapperOptions;
import org.hibernate.type.descriptor.java.JavaType;
import org.hibernate.type.format.FormatMapper;
import org.junit.jupiter.api.Test;

class PrivateAccessTest {

    static final class Holder {
        @SuppressWarnings("unused")
        private String secret = "s";
    }

    @Test
    void aFieldThatExistsIsOpened() throws IllegalAccessException {
        Field f = PrivateAccess.field(Holder.class, "secret", "falls back").orElseThrow();
        assertThat(f.get(new Holder())).isEqualTo("s");
    }

    @Test
    void aMissingFieldFallsBackAndWarnsOnce() {
        assertThat(PrivateAccess.field(Holder.class, "gone", "takes the fallback")).isEmpty();
        assertThat(PrivateAccess.field(Holder.class, "gone", "takes the fallback")).isEmpty();
        // the first lookup warned; the member is remembered, so no second warning
        assertThat(
                        PrivateAccess.warnOnce(
                                Holder.class.getName() + ".gone", "x", new RuntimeException()))
                .isFalse();
    }

    @Test
    void aMemberTheModuleSystemKeepsClosedFallsBack() throws NoSuchFieldException {
        // java.lang is not open to unnamed modules
        Field value = String.class.getDeclaredField("value");
        assertThat(PrivateAccess.accessible(value, "uses the JSON text")).isEmpty();
    }

    @Test
    void aMissingGetterReadsAsNull() {
        assertThat(PrivateAccess.getter(new Object(), "getJdbcUrl")).isNull();
        assertThat(PrivateAccess.getter("abc", "isEmpty")).isEqualTo("false");
    }

    @Test
    void hibernateStillHasTheMembersPgOrmReads() {
        // fails on a Hibernate upgrade that removes Component.type: then embeddables keep
        // Hibernate's JSON mapping (the fallback), and this test says so first
        assertThat(HibernateInternals.componentTypeResettable()).isTrue();
        assertThat(HibernateInternals.JACKSON_FORMAT_MAPPER)
                .isEqualTo("org.hibernate.type.format.jackson.JacksonJsonFormatMapper");
        assertThat(Component.class.getName()).isEqualTo("org.hibernate.mapping.Component");
    }

    @Test
    void anotherFormatMapperHasNoJacksonObjectMapper() {
        FormatMapper other =
                new FormatMapper() {
                    @Override
                    public <T> T fromString(
                            CharSequence text, JavaType<T> javaType, WrapperOptions options) {
                        return null;
                    }

                    @Override
                    public <T> String toString(
                            T value, JavaType<T> javaType, WrapperOptions options) {
                        return "";
                    }
                };
        assertThat(HibernateInternals.jacksonObjectMapper(other)).isEmpty();
    }

    /** HikariCP's getters. */
    public static final class HikariLike extends NoUrl {
        public String getJdbcUrl() {
            return "jdbc:postgresql://h/db";
        }

        public String getUsername() {
            return "app";
        }

        public String getPassword() {
            return "secret";
        }
    }

    /** pgjdbc's getters. */
    public static final class PgSimpleLike extends NoUrl {
        public String getURL() {
            return "jdbc:postgresql://p/db";
        }

        public String getUser() {
            return "pg";
        }
    }

    /** A data source that tells nothing. */
    public static class NoUrl implements DataSource {
        @Override
        public Connection getConnection() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Connection getConnection(String username, String password) {
            throw new UnsupportedOperationException();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {}

        @Override
        public void setLoginTimeout(int seconds) {}

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException();
        }

        @Override
        public <T> T unwrap(Class<T> iface) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }

    @Test
    void dataSourcePropertiesOfHikariPgjdbcAndOthers() {
        assertThat(DataSourceProperties.of(new HikariLike()))
                .isEqualTo(new DataSourceProperties("jdbc:postgresql://h/db", "app", "secret"));
        assertThat(DataSourceProperties.of(new PgSimpleLike()))
                .isEqualTo(new DataSourceProperties("jdbc:postgresql://p/db", "pg", null));
        assertThat(DataSourceProperties.of(new NoUrl())).isNull();
        assertThat(DataSourceProperties.of(new HikariLike()).toString()).doesNotContain("secret");
    }
}
