package dev.pgorm.it.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pgorm.testing.internal.ServerLocator;
import dev.pgorm.types.PgRange;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Property tests: for random range literals, PgRange's canonical form is exactly what PostgreSQL
 * returns for the same literal, and literals PostgreSQL rejects are rejected too.
 */
class RangeCanonicalFormPropertyIT {

    private static Connection connection;

    private static synchronized Connection connection() throws SQLException {
        if (connection == null) {
            connection = ServerLocator.server().connect();
            try (Statement st = connection.createStatement()) {
                st.execute("set timezone = 'UTC'");
            }
        }
        return connection;
    }

    @AfterContainer
    static void close() throws SQLException {
        if (connection != null) {
            connection.close();
            connection = null;
        }
    }

    /** Returns PostgreSQL's text for the literal, or null when PostgreSQL rejects it. */
    private static String postgres(String literal, String type) throws SQLException {
        Connection c = connection();
        c.setAutoCommit(false);
        try (PreparedStatement ps = c.prepareStatement("select ?::" + type + "::text")) {
            ps.setString(1, literal);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        } catch (SQLException e) {
            return null;
        } finally {
            c.rollback();
        }
    }

    private static <T extends Comparable<? super T>> void agrees(
            String literal, String type, Class<T> element) throws SQLException {
        String expected = postgres(literal, type);
        if (expected == null) {
            assertThatThrownBy(() -> PgRange.parse(literal, element))
                    .as(literal)
                    .isInstanceOf(IllegalArgumentException.class);
        } else {
            PgRange<T> range = PgRange.parse(literal, element);
            assertThat(range.toString()).as(literal).isEqualTo(expected);
            assertThat(PgRange.parse(expected, element)).as(literal).isEqualTo(range);
        }
    }

    private static <T> Arbitrary<String> literals(
            Arbitrary<T> values, java.util.function.Function<T, String> render) {
        Arbitrary<String> bound =
                Arbitraries.oneOf(
                        values.map(v -> quoteSometimes(render.apply(v))), Arbitraries.just(""));
        return Combinators.combine(Arbitraries.of("[", "("), bound, bound, Arbitraries.of("]", ")"))
                .as((open, lower, upper, close) -> open + lower + "," + upper + close);
    }

    private static String quoteSometimes(String bound) {
        return bound.hashCode() % 3 == 0
                ? "\"" + bound + "\""
                : bound.contains(" ") ? "\"" + bound + "\"" : bound;
    }

    @Provide
    Arbitrary<String> int4() {
        return Arbitraries.oneOf(
                literals(Arbitraries.integers().between(-50, 50), String::valueOf),
                Arbitraries.just("empty"));
    }

    @Provide
    Arbitrary<String> int8() {
        return literals(
                Arbitraries.longs().between(-3_000_000_000L, 3_000_000_000L), String::valueOf);
    }

    @Provide
    Arbitrary<String> numeric() {
        return literals(
                Arbitraries.bigDecimals()
                        .between(new BigDecimal("-100"), new BigDecimal("100"))
                        .ofScale(3),
                BigDecimal::toPlainString);
    }

    @Provide
    Arbitrary<String> dates() {
        Arbitrary<LocalDate> dates =
                Arbitraries.integers()
                        .between(-40, 40)
                        .map(d -> LocalDate.of(2026, 2, 27).plusDays(d));
        return literals(
                Arbitraries.oneOf(
                        dates.map(LocalDate::toString), Arbitraries.of("infinity", "-infinity")),
                s -> s);
    }

    @Provide
    Arbitrary<String> timestamps() {
        Arbitrary<LocalDateTime> ts =
                Arbitraries.longs()
                        .between(0, 100_000_000L)
                        .map(
                                micros ->
                                        LocalDateTime.of(2026, 1, 1, 0, 0)
                                                .plusNanos(micros * 1000 * 997));
        return literals(ts.map(t -> t.toString().replace('T', ' ')), s -> s);
    }

    @Provide
    Arbitrary<String> instants() {
        Arbitrary<Instant> ts =
                Arbitraries.longs()
                        .between(0, 1_000_000_000L)
                        .map(
                                micros ->
                                        Instant.parse("2026-01-01T00:00:00Z")
                                                .plusNanos(micros * 1000 * 13));
        return literals(ts.map(t -> t.toString().replace('T', ' ').replace("Z", "+00")), s -> s);
    }

    @Property(tries = 300)
    void int4range(@ForAll("int4") String literal) throws SQLException {
        agrees(literal, "int4range", Integer.class);
    }

    @Property(tries = 150)
    void int8range(@ForAll("int8") String literal) throws SQLException {
        agrees(literal, "int8range", Long.class);
    }

    @Property(tries = 150)
    void numrange(@ForAll("numeric") String literal) throws SQLException {
        agrees(literal, "numrange", BigDecimal.class);
    }

    @Property(tries = 300)
    void daterange(@ForAll("dates") String literal) throws SQLException {
        agrees(literal, "daterange", LocalDate.class);
    }

    @Property(tries = 150)
    void tsrange(@ForAll("timestamps") String literal) throws SQLException {
        agrees(literal, "tsrange", LocalDateTime.class);
    }

    @Property(tries = 150)
    void tstzrange(@ForAll("instants") String literal) throws SQLException {
        agrees(literal, "tstzrange", Instant.class);
    }
}
