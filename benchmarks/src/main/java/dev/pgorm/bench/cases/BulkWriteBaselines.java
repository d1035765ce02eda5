package dev.pgorm.bench.cases;

import static dev.pgorm.bench.cases.BulkWriteCases.ROWS;
import static dev.pgorm.bench.cases.BulkWriteCases.attrs;
import static dev.pgorm.bench.cases.BulkWriteCases.row;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pgorm.bench.BenchEnv;
import dev.pgorm.bench.cases.BulkWriteCases.Case;
import dev.pgorm.bench.cases.BulkWriteCases.WriteRow;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.SessionFactory;

/** The baselines of {@link BulkWriteCases}: what code without PgBulk writes for the same rows. */
final class BulkWriteBaselines {

    private static final String ON_CONFLICT =
            """
            insert into write_row (id, attrs, name, quantity) values (?, ?::jsonb, ?, ?)
            on conflict (id) do update set attrs = excluded.attrs, name = excluded.name,
              quantity = excluded.quantity""";

    private static final String HAND_TEMP =
            """
            create temporary table write_row_in (like write_row) on commit drop""";

    private static final String HAND_UPDATE =
            """
            update write_row t set attrs = s.attrs, name = s.name, quantity = s.quantity
              from write_row_in s where t.id = s.id""";

    private BulkWriteBaselines() {}

    /** What JPA code does without PgBulk: merge each entity, flushing every 50. */
    static void mergeLoop(SessionFactory batched) {
        batched.inTransaction(
                s -> {
                    for (int i = 0; i < ROWS; i++) {
                        s.merge(row(i, true));
                        if (i % 50 == 49) {
                            s.flush();
                            s.clear();
                        }
                    }
                });
    }

    /** What a developer writes by hand with pgjdbc: ids for new rows from the sequence. */
    static void onConflictBatch(BenchEnv env, ObjectMapper json) throws Exception {
        try (Connection c = BulkInsertCases.rewritingDataSource(env).getConnection()) {
            c.setAutoCommit(false);
            List<Long> ids = new ArrayList<>(ROWS / 2);
            try (PreparedStatement st =
                            c.prepareStatement(
                                    "select nextval('write_row_seq') from generate_series(1, ?)");
                    ResultSet rs = setInt(st, ROWS - ROWS / 2).executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            try (PreparedStatement st = c.prepareStatement(ON_CONFLICT)) {
                for (int i = 0; i < ROWS; i++) {
                    st.setLong(1, i < ROWS / 2 ? i + 1 : ids.get(i - ROWS / 2));
                    st.setString(2, json.writeValueAsString(attrs(i)));
                    st.setString(3, "row " + i);
                    st.setInt(4, i % 1000);
                    st.addBatch();
                    if (i % 1000 == 999) {
                        st.executeBatch();
                    }
                }
                st.executeBatch();
            }
            c.commit();
        }
    }

    private static PreparedStatement setInt(PreparedStatement st, int value) throws Exception {
        st.setInt(1, value);
        return st;
    }

    /**
     * The fastest update a developer writes by hand with pgjdbc, without version checks: what
     * {@code PgBulk.update} does, and the floor of any bulk update on this server. Returns the time
     * of the UPDATE statement alone, in ms.
     */
    static double handWrittenUpdate(BenchEnv env, ObjectMapper json) throws Exception {
        try (Connection c = env.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.execute(HAND_TEMP);
            }
            Case.check(
                    "hand-written COPY",
                    HandWrittenCopy.binaryCopy(c, "write_row_in", i -> i + 1L, json, null),
                    ROWS);
            double took;
            try (Statement st = c.createStatement()) {
                long start = System.nanoTime();
                Case.check("hand-written UPDATE", st.executeUpdate(HAND_UPDATE), ROWS);
                took = (System.nanoTime() - start) / 1e6;
            }
            c.commit();
            return took;
        }
    }

    /** Hibernate's way to change many rows: load them page by page, change, flush. */
    static void batchedUpdates(SessionFactory batched) {
        batched.inTransaction(
                s -> {
                    for (int from = 1; from <= ROWS; from += 1000) {
                        List<WriteRow> page =
                                s.createSelectionQuery(
                                                "from WriteRow r where r.id between ?1 and ?2",
                                                WriteRow.class)
                                        .setParameter(1, (long) from)
                                        .setParameter(2, (long) from + 999)
                                        .getResultList();
                        for (WriteRow r : page) {
                            int i = (int) (r.id - 1);
                            r.name = "row " + i;
                            r.quantity = i % 1000;
                            r.attrs = attrs(i);
                        }
                        s.flush();
                        s.clear();
                    }
                });
    }
}
