package dev.pgorm.it.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pgorm.bulk.PgBulk;
import dev.pgorm.bulk.PgBulkException;
import dev.pgorm.bulk.PgBulkResult;
import dev.pgorm.bulk.PgConflict;
import dev.pgorm.it.bulk.BulkValueGenerationIT.Acme;
import dev.pgorm.testing.PgTest;
import dev.pgorm.testing.PgTestDatabase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.LongStream;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.annotations.TenantId;
import org.hibernate.cfg.AvailableSettings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A {@code @TenantId} entity: update, upsert and delete touch the session's tenant's rows only, as
 * Hibernate's tenant filter shows only those; another tenant's row with the same id is left as it
 * was.
 */
@PgTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BulkTenantIT {

    @Entity(name = "Account")
    @Table(name = "tenant_account")
    public static class Account {
        @Id Long id;

        @TenantId String tenant;

        String name;
    }

    private SessionFactory sf;

    @BeforeAll
    void setUp(PgTestDatabase db) {
        sf =
                db.entityManagerFactory(
                        List.of(Account.class),
                        Map.of(AvailableSettings.MULTI_TENANT_IDENTIFIER_RESOLVER, new Acme()));
    }

    @BeforeEach
    void fill(PgTestDatabase db) {
        db.execute("delete from tenant_account");
        inTenant("a", s -> PgBulk.insert(s, accounts(1, 10, "a's ")));
        inTenant("b", s -> PgBulk.insert(s, accounts(11, 20, "b's ")));
    }

    private <T> T inTenant(String tenant, Function<Session, T> work) {
        try (Session s = sf.withOptions().tenantIdentifier((Object) tenant).openSession()) {
            s.beginTransaction();
            try {
                T result = work.apply(s);
                s.getTransaction().commit();
                return result;
            } catch (RuntimeException e) {
                s.getTransaction().rollback();
                throw e;
            }
        }
    }

    private static List<Account> accounts(long from, long to, String prefix) {
        return LongStream.rangeClosed(from, to)
                .mapToObj(
                        i -> {
                            Account a = new Account();
                            a.id = i;
                            a.name = prefix + i;
                            return a;
                        })
                .toList();
    }

    private static String stored(PgTestDatabase db) {
        return db.sql()
                .queryValue(
                        "select string_agg(id || ':' || tenant || ':' || name, ',' order by id)"
                                + " from tenant_account",
                        String.class);
    }

    @Test
    void updateOfAnotherTenantsRowFailsAndChangesNothing(PgTestDatabase db) {
        String before = stored(db);
        assertThatThrownBy(
                        () ->
                                inTenant(
                                        "a",
                                        s -> PgBulk.update(s, accounts(9, 11, "changed by a "))))
                .isInstanceOf(PgBulkException.class)
                .hasMessageContaining("the row with id 11 does not exist");
        assertThat(stored(db)).isEqualTo(before);

        long updated = inTenant("a", s -> PgBulk.update(s, accounts(9, 10, "changed by a ")));
        assertThat(updated).isEqualTo(2);
        assertThat(stored(db)).contains("10:a:changed by a 10", "11:b:b's 11");
    }

    @Test
    void upsertSkipsAnotherTenantsRowWithTheSameId(PgTestDatabase db) {
        PgBulkResult r =
                inTenant(
                        "a",
                        s ->
                                PgBulk.upsert(
                                        s, accounts(10, 12, "upserted by a "), PgConflict.onId()));
        assertThat(r.updated()).isEqualTo(1);
        assertThat(r.inserted()).isZero();
        assertThat(r.skipped()).isEqualTo(2);
        assertThat(stored(db))
                .contains("10:a:upserted by a 10", "11:b:b's 11", "12:b:b's 12")
                .doesNotContain("11:a", "12:a");
    }

    @Test
    void deleteLeavesAnotherTenantsRows(PgTestDatabase db) {
        long deleted = inTenant("a", s -> PgBulk.delete(s, Account.class, List.of(1L, 2L, 13L)));
        assertThat(deleted).isEqualTo(2);
        assertThat(stored(db)).doesNotContain("1:a:", "2:a:").contains("13:b:b's 13");
        assertThat(db.sql().queryValue("select count(*) from tenant_account", Long.class))
                .isEqualTo(18);
    }
}
