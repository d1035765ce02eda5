package dev.pgorm.replicas.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WriteTrackerTest {

    private final List<String> calls = new ArrayList<>();

    @AfterEach
    void clear() {
        Tokens.replace(null);
    }

    /** A connection that records its calls, fails {@code failing} and answers the rest. */
    private Connection fake(String failing) {
        return (Connection)
                Proxy.newProxyInstance(
                        getClass().getClassLoader(),
                        new Class<?>[] {Connection.class},
                        (proxy, method, args) -> {
                            calls.add(method.getName());
                            if (method.getName().equals(failing)) {
                                throw new SQLException("broken " + failing, "08006");
                            }
                            return switch (method.getName()) {
                                case "isClosed" -> false;
                                case "getAutoCommit" -> true;
                                default -> null;
                            };
                        });
    }

    @Test
    void closeReturnsTheConnectionEvenWhenReadingThePositionFails() throws SQLException {
        Connection c = WriteTracker.watch(fake("getAutoCommit"));
        c.prepareStatement("insert into Note values (1)");
        assertThatThrownBy(c::close).isInstanceOf(SQLException.class);
        assertThat(calls).contains("close");
    }

    @Test
    void aCommitThatSucceededDoesNotFailForWantOfItsPosition() throws SQLException {
        Connection c = WriteTracker.watch(fake("createStatement"));
        c.prepareStatement("insert into Note values (1)");
        c.commit();
        assertThat(calls).contains("commit", "createStatement");
        assertThat(Tokens.current()).isNull();
    }

    @Test
    void selectsAndShowsCannotWrite() {
        assertThat(WriteTracker.mayWrite("select n1_0.id from Note n1_0 where n1_0.id=?"))
                .isFalse();
        assertThat(WriteTracker.mayWrite("  /* comment */ SELECT 1")).isFalse();
        assertThat(WriteTracker.mayWrite("-- line\n(select 1) union (select 2)")).isFalse();
        assertThat(WriteTracker.mayWrite("show search_path")).isFalse();
        assertThat(WriteTracker.mayWrite("values (1)")).isFalse();
    }

    @Test
    void everythingElseMayWrite() {
        assertThat(WriteTracker.mayWrite("insert into Note (text,id) values (?,?)")).isTrue();
        assertThat(WriteTracker.mayWrite("update Note set text=? where id=?")).isTrue();
        assertThat(WriteTracker.mayWrite("delete from Note where id=?")).isTrue();
        assertThat(WriteTracker.mayWrite("with moved as (delete from a returning *) select 1"))
                .isTrue();
        assertThat(WriteTracker.mayWrite("merge into t using s on true when matched then delete"))
                .isTrue();
        assertThat(WriteTracker.mayWrite("selectivity()")).isTrue();
        assertThat(WriteTracker.mayWrite("/* unterminated")).isTrue();
    }
}
