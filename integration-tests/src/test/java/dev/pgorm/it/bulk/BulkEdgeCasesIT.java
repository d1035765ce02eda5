package dev.pgorm.it.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pgorm.bulk.PgBulk;
import dev.pgorm.bulk.PgBulkSettings;
import dev.pgorm.testing.PgTest;
import dev.pgorm.testing.PgTestDatabase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.hibernate.SessionFactory;
import org.hibernate.TransientPropertyValueException;
import org.hibernate.cfg.AvailableSettings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A COPY threshold of 0, a reference to a transient entity, and {@code hibernate.jdbc.time_zone}.
 */
@PgTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BulkEdgeCasesIT {

    @Entity(name = "Team")
    @Table(name = "team")
    public static class Team {
        @Id
        @GeneratedValue(strategy = GenerationType.SEQUENCE)
        Long id;

        String name;
    }

    @Entity(name = "Player")
    @Table(name = "player")
    public static class Player {
        @Id
        @GeneratedValue(strategy = GenerationType.SEQUENCE)
        Long id;

        @ManyToOne Team team;
        LocalDateTime joined;
    }

    /** A zone other than the JVM's, with an offset that differs from it all year. */
    static final ZoneId JDBC_ZONE =
            ZoneId.systemDefault().getRules().getOffset(java.time.Instant.now()).getTotalSeconds()
                            == 13 * 3600
                    ? ZoneId.of("America/Sao_Paulo")
                    : ZoneId.of("Pacific/Tongatapu");

    private SessionFactory sf;
    private SessionFactory alwaysCopy;
    private SessionFactory zoned;

    @BeforeAll
    void setUp(PgTestDatabase db) {
        sf = db.entityManagerFactory(Team.class, Player.class);
        alwaysCopy =
                db.entityManagerFactory(
                        List.of(Team.class, Player.class),
                        Map.of(
                                PgBulkSettings.COPY_THRESHOLD,
                                "0",
                                AvailableSettings.HBM2DDL_AUTO,
                                "none"));
        zoned =
                db.entityManagerFactory(
                        List.of(Team.class, Player.class),
                        Map.of(
                                AvailableSettings.JDBC_TIME_ZONE,
                                JDBC_ZONE.getId(),
                                AvailableSettings.HBM2DDL_AUTO,
                                "none"));
    }

    @BeforeEach
    void empty(PgTestDatabase db) {
        db.execute("delete from player", "delete from team");
    }

    private static Player player(Team team, LocalDateTime joined) {
        Player p = new Player();
        p.team = team;
        p.joined = joined;
        return p;
    }

    @Test
    void aThresholdOfZeroAlwaysCopies(PgTestDatabase db) {
        Team t = new Team();
        t.name = "solo";
        long n = alwaysCopy.fromTransaction(em -> PgBulk.insert(em, List.of(t)));
        assertThat(n).isEqualTo(1);
        assertThat(db.sql().queryValue("select name from team", String.class)).isEqualTo("solo");
    }

    @Test
    void aTransientReferenceFailsLikePersistAndNothingIsWritten(PgTestDatabase db) {
        Team saved = new Team();
        saved.name = "saved";
        sf.inTransaction(em -> em.persist(saved));
        Team unsaved = new Team();
        unsaved.name = "unsaved";
        for (int n : new int[] {5, 300}) {
            List<Player> players = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                players.add(player(i == n - 1 ? unsaved : saved, null));
            }
            assertThatThrownBy(() -> sf.inTransaction(em -> PgBulk.insert(em, players)))
                    .isInstanceOf(TransientPropertyValueException.class)
                    .hasMessageContaining(Player.class.getName())
                    .hasMessageContaining("team")
                    .hasMessageContaining(Team.class.getName());
        }
        assertThat(db.sql().queryValue("select count(*) from player", Long.class)).isZero();
    }

    @Test
    void localDateTimeIsWrittenInTheJdbcTimeZoneLikePersist(PgTestDatabase db) {
        LocalDateTime value = LocalDateTime.of(2026, 3, 14, 15, 9, 26, 535_000_000);
        zoned.inTransaction(em -> em.persist(player(null, value)));
        String persisted = db.sql().queryValue("select joined::text from player", String.class);
        assertThat(persisted)
                .as("Hibernate shifts the wall time to %s", JDBC_ZONE)
                .isNotEqualTo("2026-03-14 15:09:26.535");
        for (int n : new int[] {5, 300}) {
            zoned.inTransaction(
                    em ->
                            PgBulk.insert(
                                    em,
                                    IntStream.range(0, n)
                                            .mapToObj(i -> player(null, value))
                                            .toList()));
        }
        assertThat(
                        db.sql()
                                .queryValue(
                                        "select count(*) from player where joined::text = '"
                                                + persisted
                                                + "'",
                                        Long.class))
                .isEqualTo(306L);
        long lastId = db.sql().queryValue("select max(id) from player", Long.class);
        LocalDateTime readBack = zoned.fromTransaction(em -> em.find(Player.class, lastId).joined);
        assertThat(readBack).isEqualTo(value);
    }
}
