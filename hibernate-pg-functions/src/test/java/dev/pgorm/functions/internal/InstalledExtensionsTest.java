package dev.pgorm.functions.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import org.hibernate.QueryException;
import org.junit.jupiter.api.Test;

/**
 * The extension check without a database: the catalog readings are given in turn, the clock is
 * moved by hand, and each test counts how often the catalog was read.
 */
class InstalledExtensionsTest {

    private static final long RECHECK = InstalledExtensions.RECHECK.toNanos();

    private static final Map<String, InstalledExtension> NONE = Map.of();
    private static final Map<String, InstalledExtension> IN_PUBLIC =
            Map.of("pgcrypto", new InstalledExtension("pgcrypto", "public", true));
    private static final Map<String, InstalledExtension> OFF_PATH =
            Map.of("pgcrypto", new InstalledExtension("pgcrypto", "Extensions", false));

    private long now = 1_000;
    private int reads;
    private final Deque<Object> readings = new ArrayDeque<>();

    /** A check whose catalog readings are {@code results}: maps, exceptions, or "null". */
    private InstalledExtensions check(Object... results) {
        for (Object result : results) {
            readings.add(result);
        }
        return new InstalledExtensions(
                factory -> {
                    reads++;
                    Object next = readings.size() > 1 ? readings.poll() : readings.peek();
                    if (next instanceof SQLException e) {
                        throw e;
                    }
                    @SuppressWarnings("unchecked")
                    Map<String, InstalledExtension> map =
                            next instanceof Map<?, ?> m
                                    ? (Map<String, InstalledExtension>) m
                                    : null;
                    return map;
                },
                () -> now,
                Runnable::run); // the look again, run at once: its result is seen by this call
    }

    private static String qualifier(InstalledExtensions check) {
        return check.qualifier("pgcrypto", "digest", null);
    }

    @Test
    void anInstalledExtensionIsReadOnceAndKept() {
        InstalledExtensions check = check(IN_PUBLIC, NONE);
        assertThat(qualifier(check)).isNull();
        now += 10 * RECHECK;
        assertThat(qualifier(check)).isNull();
        assertThat(reads).isEqualTo(1);
    }

    @Test
    void aSchemaOffTheSearchPathQualifiesTheNameQuoted() {
        InstalledExtensions check = check(OFF_PATH);
        assertThat(qualifier(check)).isEqualTo("\"Extensions\"");
    }

    @Test
    void aMissingExtensionFailsNamingFunctionExtensionAndFix() {
        InstalledExtensions check = check(NONE);
        assertThatThrownBy(() -> qualifier(check))
                .isInstanceOf(QueryException.class)
                .hasMessageContaining("HQL function digest()")
                .hasMessageContaining("pgcrypto extension, which is not installed")
                .hasMessageContaining("@PgExtension(\"pgcrypto\")")
                .hasMessageContaining("CREATE EXTENSION pgcrypto");
    }

    @Test
    void aMissingExtensionIsLookedForAgainAfterTheRecheckInterval() {
        InstalledExtensions check = check(NONE, IN_PUBLIC);
        assertThatThrownBy(() -> qualifier(check)).isInstanceOf(QueryException.class);
        now += RECHECK - 1;
        assertThatThrownBy(() -> qualifier(check)).isInstanceOf(QueryException.class);
        assertThat(reads).as("no second reading within the interval").isEqualTo(1);
        now += 1;
        assertThat(qualifier(check)).isNull();
        assertThat(reads).isEqualTo(2);
    }

    @Test
    void anUnreadableCatalogRendersUncheckedAndIsReadAgainLater() {
        InstalledExtensions check =
                check(new SQLTransientConnectionException("pool exhausted"), NONE);
        assertThat(qualifier(check)).isNull();
        assertThat(qualifier(check)).isNull();
        assertThat(reads).isEqualTo(1);
        now += RECHECK;
        assertThatThrownBy(() -> qualifier(check)).isInstanceOf(QueryException.class);
        assertThat(reads).isEqualTo(2);
    }

    @Test
    void aLookAgainRunsInTheBackgroundAndTheRenderingDoesNotWaitForIt() {
        Deque<Runnable> pending = new ArrayDeque<>();
        readings.add(NONE);
        readings.add(IN_PUBLIC);
        InstalledExtensions check =
                new InstalledExtensions(
                        factory -> {
                            reads++;
                            @SuppressWarnings("unchecked")
                            Map<String, InstalledExtension> next =
                                    (Map<String, InstalledExtension>) readings.poll();
                            return next;
                        },
                        () -> now,
                        pending::add);
        check.prime(null);
        now += RECHECK;
        assertThatThrownBy(() -> qualifier(check)).isInstanceOf(QueryException.class);
        assertThatThrownBy(() -> qualifier(check)).isInstanceOf(QueryException.class);
        assertThat(pending).as("one look again under way, not two").hasSize(1);
        assertThat(reads).isEqualTo(1);
        pending.poll().run();
        assertThat(qualifier(check)).isNull();
        assertThat(reads).isEqualTo(2);
    }

    @Test
    void aDatabaseThatCannotBeToldIsNotReadAgain() {
        InstalledExtensions check = check("null");
        assertThat(qualifier(check)).isNull();
        now += 10 * RECHECK;
        assertThat(qualifier(check)).isNull();
        assertThat(reads).as("multi-tenancy: no look again every 2 s").isEqualTo(1);
    }

    @Test
    void aDatabaseThatCannotBeToldRendersUnchecked() {
        InstalledExtensions check = check("null");
        assertThat(qualifier(check)).isNull();
        assertThat(check.qualifier("ltree", "nlevel", null)).isNull();
    }

    @Test
    void anotherMissingExtensionWaitsForTheIntervalToo() {
        InstalledExtensions check = check(IN_PUBLIC);
        assertThat(qualifier(check)).isNull();
        assertThatThrownBy(() -> check.qualifier("ltree", "nlevel", null))
                .hasMessageContaining("nlevel()")
                .hasMessageContaining("ltree extension");
        assertThat(qualifier(check)).isNull();
        assertThat(reads).isEqualTo(1);
    }
}
