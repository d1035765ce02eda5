package dev.pgorm.testing;

import dev.pgorm.testing.internal.StatementRecorder;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.opentest4j.AssertionFailedError;

/**
 * Explains the queries that a piece of work sent through the recorded data source, with their bound
 * parameters, and asserts that a plan uses an index.
 */
final class QueryPlans {

    private final DataSource explainer;

    /** Runs the {@code EXPLAIN} statements through {@code explainer}, which is not recorded. */
    QueryPlans(DataSource explainer) {
        this.explainer = explainer;
    }

    /** Runs {@code work}, then returns each of its queries followed by its plan. */
    List<String> explain(Runnable work) {
        List<StatementRecorder.Recorded> recorded = StatementRecorder.record(work);
        List<String> plans = new ArrayList<>();
        for (StatementRecorder.Recorded statement : recorded) {
            String head = statement.sql().stripLeading().toLowerCase(Locale.ROOT);
            if (!head.startsWith("select") && !head.startsWith("with")) {
                continue;
            }
            plans.add(statement.sql() + "\n" + plan(statement));
        }
        return plans;
    }

    private String plan(StatementRecorder.Recorded statement) {
        try (Connection c = explainer.getConnection();
                PreparedStatement ps = c.prepareStatement("explain " + statement.sql())) {
            statement.bindTo(ps);
            StringBuilder sb = new StringBuilder();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sb.append(rs.getString(1)).append('\n');
                }
            }
            return sb.toString();
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "EXPLAIN failed for " + statement.sql() + ": " + e.getMessage(), e);
        }
    }

    /** Runs {@code query} and fails with the SQL and plans unless a plan uses {@code indexName}. */
    void assertUsesIndex(String indexName, Runnable query) {
        List<String> plans = explain(query);
        if (plans.isEmpty()) {
            throw new AssertionFailedError(
                    "the query ran no SELECT through this test database's DataSource, so there is"
                            + " no plan to check for index "
                            + indexName);
        }
        Pattern uses =
                Pattern.compile(
                        "(Index Scan|Index Only Scan|Bitmap Index Scan)( Backward)? (using|on) \"?"
                                + Pattern.quote(indexName)
                                + "\"?(\\s|$)");
        for (String plan : plans) {
            if (uses.matcher(plan).find()) {
                return;
            }
        }
        throw new AssertionFailedError(
                "expected index "
                        + indexName
                        + " to be used, but the plan was:\n"
                        + String.join("\n", plans));
    }
}
