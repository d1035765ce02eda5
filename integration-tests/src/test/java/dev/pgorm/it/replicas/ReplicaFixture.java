package dev.pgorm.it.replicas;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgorm.replicas.PgReplicasConnectionProvider;
import dev.pgorm.replicas.PgReplicasSettings;
import dev.pgorm.testing.PgTestDatabase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.hibernate.cfg.AvailableSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * The fixture the replica ITs share: the {@link Note} entity, the replica of
 * scripts/scale-out-db.sh that each test needs (skipped by name where the run declared it absent),
 * the settings that send read-only sessions to it, and replica settings changed for one class.
 * Subclasses are {@code PgTest} with a per-class lifecycle; their {@code @BeforeAll} runs after
 * {@link #findReplica} and builds nothing where {@link #replicaUrl} is null.
 */
abstract class ReplicaFixture {

    private static final Pattern SETTING_NAME = Pattern.compile("[a-z_]+");

    @Entity(name = "Note")
    static class Note {
        @Id Long id;
        String text;

        Note() {}

        Note(Long id, String text) {
            this.id = id;
            this.text = text;
        }
    }

    /** The replica's URL for the privileged user; null without a replica (no fixture then). */
    String replicaUrl;

    String user;
    String password;
    private final List<String> changedSettings = new ArrayList<>();

    /** Each test needs the replica: skipped by name where the run declared it absent. */
    @BeforeEach
    void needsReplica(PgTestDatabase db) {
        db.scaleOut().replicaUrl();
    }

    @BeforeAll
    void findReplica(PgTestDatabase db) {
        if (!db.scaleOut().hasReplica()) {
            return; // no fixture: each test then skips, by name, in needsReplica
        }
        user = db.user();
        password = db.password();
        replicaUrl = db.scaleOut().replicaUrl();
    }

    @AfterAll
    void resetReplicaSettings() throws SQLException {
        for (String name : changedSettings) {
            executeOnReplica("alter system reset " + name, "select pg_reload_conf()");
        }
    }

    /**
     * Returns the settings of a factory that reads on the replica in read-only sessions, with
     * {@code more} added (or replacing ours).
     */
    Map<String, Object> replicaSettings(Map<String, ?> more) {
        Map<String, Object> settings = new HashMap<>();
        settings.put(
                AvailableSettings.CONNECTION_PROVIDER,
                PgReplicasConnectionProvider.class.getName());
        settings.put(PgReplicasSettings.URLS, replicaUrl + "&user=" + user);
        settings.putAll(more);
        return settings;
    }

    /**
     * Sets a server setting on the replica for this class ({@code alter system}, reset after the
     * class) and waits until the replica uses it.
     */
    void setOnReplica(String name, String value) throws SQLException, InterruptedException {
        if (!SETTING_NAME.matcher(name).matches() || value.contains("'")) {
            throw new IllegalArgumentException("not a setting name and plain value: " + name);
        }
        changedSettings.add(name);
        executeOnReplica(
                "alter system set " + name + " = '" + value + "'", "select pg_reload_conf()");
        for (int i = 0; i < 100 && !value.equals(replicaValue("show " + name)); i++) {
            Thread.sleep(20);
        }
        assertThat(replicaValue("show " + name)).isEqualTo(value);
    }

    /** Runs statements on the replica, outside Hibernate. */
    void executeOnReplica(String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection(replicaUrl, user, password);
                Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    /** Returns the one value that {@code sql} reads on the replica, outside Hibernate. */
    String replicaValue(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(replicaUrl, user, password);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
