package dev.pgorm.ddl.partition.internal;

import dev.pgorm.core.internal.PgIdentifiers;
import dev.pgorm.ddl.internal.EntityRuntime;
import dev.pgorm.ddl.partition.PgPartitionInfo;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The catalog work behind {@link dev.pgorm.ddl.partition.PgPartitions}. */
public final class PartitionManager {

    private static final Pattern RANGE_BOUND =
            Pattern.compile("FOR VALUES FROM \\((.*)\\) TO \\((.*)\\)");
    private static final Pattern KEY_TYPE =
            Pattern.compile("(date|timestamp(\\(\\d\\))? with(out)? time zone)");

    private PartitionManager() {}

    private record Parent(long oid, String schema, String name, String keyType) {
        String sql() {
            return PgIdentifiers.quote(schema) + "." + PgIdentifiers.quote(name);
        }
    }

    private record Existing(String name, Double from, Double to) {}

    public static List<String> ensureRange(
            EntityManager em, Class<?> entity, LocalDate from, LocalDate to, Period step) {
        if (from == null || to == null || step == null) {
            throw new IllegalArgumentException("from, to and step must not be null");
        }
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("from " + from + " must be before to " + to);
        }
        if (step.isZero() || step.isNegative() || !from.plus(step).isAfter(from)) {
            throw new IllegalArgumentException("step " + step + " must be positive");
        }
        String table = EntityRuntime.tableName(em, entity);
        return EntityRuntime.inTransaction(
                em,
                "PgPartitions.ensureRange",
                c -> {
                    Parent parent = rangeParent(c, table, entity);
                    lock(c, parent);
                    List<Existing> existing = existingRanges(c, parent);
                    List<String> created = new ArrayList<>();
                    for (LocalDate lower = from; lower.isBefore(to); lower = lower.plus(step)) {
                        LocalDate upper = lower.plus(step);
                        String lowerLiteral = boundLiteral(parent, lower);
                        String upperLiteral = boundLiteral(parent, upper);
                        double[] bounds =
                                epochs(c, parent.keyType(), List.of(lowerLiteral, upperLiteral));
                        Existing match = null;
                        for (Existing e : existing) {
                            boolean overlaps =
                                    (e.from() == null || e.from() < bounds[1])
                                            && (e.to() == null || bounds[0] < e.to());
                            if (!overlaps) {
                                continue;
                            }
                            boolean covers =
                                    (e.from() == null || e.from() <= bounds[0])
                                            && (e.to() == null || bounds[1] <= e.to());
                            if (!covers) {
                                throw new IllegalStateException(
                                        "cannot create a partition of "
                                                + parent.name()
                                                + " for ["
                                                + lower
                                                + ", "
                                                + upper
                                                + "): it overlaps partition "
                                                + e.name()
                                                + " without being inside it; choose a step that lines up with it");
                            }
                            match = e;
                        }
                        if (match != null) {
                            continue;
                        }
                        String name = partitionName(parent.name(), lower);
                        String sql =
                                "create table "
                                        + PgIdentifiers.quote(parent.schema())
                                        + "."
                                        + PgIdentifiers.quote(name)
                                        + " partition of "
                                        + parent.sql()
                                        + " for values from ('"
                                        + lowerLiteral
                                        + "') to ('"
                                        + upperLiteral
                                        + "')";
                        try {
                            EntityRuntime.execute(c, sql);
                        } catch (SQLException e) {
                            throw new IllegalStateException(
                                    "could not create partition "
                                            + name
                                            + " of "
                                            + parent.name()
                                            + " for ["
                                            + lower
                                            + ", "
                                            + upper
                                            + "): "
                                            + e.getMessage(),
                                    e);
                        }
                        mirrorRowLevelSecurity(c, parent, name);
                        existing.add(new Existing(name, bounds[0], bounds[1]));
                        created.add(name);
                    }
                    return created;
                });
    }

    public static List<PgPartitionInfo> list(EntityManager em, Class<?> entity) {
        String table = EntityRuntime.tableName(em, entity);
        return EntityRuntime.inTransaction(
                em,
                "PgPartitions.list",
                c -> {
                    Parent parent = parent(c, table, entity);
                    List<PgPartitionInfo> result = new ArrayList<>();
                    for (Map<String, Object> row : partitions(c, parent)) {
                        String bound = (String) row.get("bound");
                        Matcher m = RANGE_BOUND.matcher(bound);
                        String lower = null;
                        String upper = null;
                        if (m.matches() && !m.group(1).contains(",")) {
                            lower = unquote(m.group(1));
                            upper = unquote(m.group(2));
                        }
                        result.add(
                                new PgPartitionInfo(
                                        (String) row.get("name"),
                                        bound,
                                        "DEFAULT".equals(bound),
                                        lower,
                                        upper));
                    }
                    return result;
                });
    }

    public static List<String> detachOlderThan(
            EntityManager em, Class<?> entity, LocalDate cutoff, boolean drop) {
        String table = EntityRuntime.tableName(em, entity);
        return EntityRuntime.inTransaction(
                em,
                "PgPartitions.detachOlderThan",
                c -> {
                    Parent parent = rangeParent(c, table, entity);
                    lock(c, parent);
                    double limit =
                            epochs(c, parent.keyType(), List.of(boundLiteral(parent, cutoff)))[0];
                    java.util.Set<String> declared = new java.util.HashSet<>();
                    for (dev.pgorm.ddl.partition.Partition p :
                            entity.getAnnotationsByType(dev.pgorm.ddl.partition.Partition.class)) {
                        declared.add(p.name());
                    }
                    List<String> detached = new ArrayList<>();
                    for (Existing e : existingRanges(c, parent)) {
                        // Declared partitions belong to the mapping: update would re-create them.
                        if (e.to() != null && e.to() <= limit && !declared.contains(e.name())) {
                            String child =
                                    PgIdentifiers.quote(parent.schema())
                                            + "."
                                            + PgIdentifiers.quote(e.name());
                            EntityRuntime.execute(
                                    c,
                                    "alter table " + parent.sql() + " detach partition " + child);
                            if (drop) {
                                EntityRuntime.execute(c, "drop table " + child);
                            }
                            detached.add(e.name());
                        }
                    }
                    return detached;
                });
    }

    /**
     * Serializes partition management of one table. Under REPEATABLE READ or SERIALIZABLE the
     * catalog snapshot predates the lock, so a waiting caller would not see the partitions the
     * previous one created: such transactions are refused.
     */
    private static void lock(Connection c, Parent parent) throws SQLException {
        String isolation =
                (String)
                        EntityRuntime.query(
                                        c, "select current_setting('transaction_isolation') as i")
                                .get(0)
                                .get("i");
        if (!"read committed".equals(isolation)) {
            throw new IllegalStateException(
                    "PgPartitions needs a READ COMMITTED transaction, but this one is "
                            + isolation
                            + ": its snapshot would hide partitions that concurrent callers create");
        }
        EntityRuntime.execute(
                c,
                "select pg_advisory_xact_lock(hashtextextended(?, 0))",
                "pgorm.partitions." + parent.oid());
    }

    /**
     * Writes a date as a bound of the key's type; timestamptz bounds are UTC midnight, spelled out,
     * so that the session's time zone does not move them.
     */
    private static String boundLiteral(Parent parent, LocalDate date) {
        return parent.keyType().contains("with time zone")
                ? date + " 00:00:00+00"
                : date.toString();
    }

    /** Gives new partitions of a table with row-level security the parent's flags and policies. */
    static void mirrorRowLevelSecurity(Connection c, Parent parent, String partition)
            throws SQLException {
        Map<String, Object> flags =
                EntityRuntime.query(
                                c,
                                "select relrowsecurity, relforcerowsecurity from pg_catalog.pg_class where oid = ?",
                                parent.oid())
                        .get(0);
        if (!(Boolean) flags.get("relrowsecurity")) {
            return;
        }
        String child = PgIdentifiers.quote(parent.schema()) + "." + PgIdentifiers.quote(partition);
        EntityRuntime.execute(c, "alter table " + child + " enable row level security");
        if ((Boolean) flags.get("relforcerowsecurity")) {
            EntityRuntime.execute(c, "alter table " + child + " force row level security");
        }
        List<Map<String, Object>> policies =
                EntityRuntime.query(
                        c,
                        "select polname, polpermissive, polcmd::text as cmd,"
                                + " array_to_string(array(select case when r = 0 then 'public' else quote_ident(pg_get_userbyid(r)) end"
                                + " from unnest(polroles) r), ', ') as roles,"
                                + " pg_get_expr(polqual, polrelid) as qual, pg_get_expr(polwithcheck, polrelid) as check"
                                + " from pg_catalog.pg_policy where polrelid = ? order by polname",
                        parent.oid());
        for (Map<String, Object> p : policies) {
            String cmd =
                    switch ((String) p.get("cmd")) {
                        case "r" -> "select";
                        case "a" -> "insert";
                        case "w" -> "update";
                        case "d" -> "delete";
                        default -> "all";
                    };
            StringBuilder sql =
                    new StringBuilder("create policy ")
                            .append(PgIdentifiers.quote((String) p.get("polname")))
                            .append(" on ")
                            .append(child)
                            .append(" as ")
                            .append((Boolean) p.get("polpermissive") ? "permissive" : "restrictive")
                            .append(" for ")
                            .append(cmd)
                            .append(" to ")
                            .append(p.get("roles"));
            if (p.get("qual") != null) {
                sql.append(" using (").append(p.get("qual")).append(')');
            }
            if (p.get("check") != null) {
                sql.append(" with check (").append(p.get("check")).append(')');
            }
            EntityRuntime.execute(c, sql.toString());
        }
    }

    private static Parent parent(Connection c, String table, Class<?> entity) throws SQLException {
        List<Map<String, Object>> rows =
                EntityRuntime.query(
                        c,
                        "select c.oid::bigint as oid, n.nspname, c.relname, p.partstrat::text as strat, p.partnatts,"
                                + " (select format_type(a.atttypid, a.atttypmod) from pg_catalog.pg_attribute a"
                                + " where a.attrelid = c.oid and a.attnum = p.partattrs[0]) as keytype"
                                + " from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace"
                                + " left join pg_catalog.pg_partitioned_table p on p.partrelid = c.oid where c.oid = to_regclass(?)",
                        table);
        if (rows.isEmpty()) {
            throw new IllegalStateException(
                    "table "
                            + table
                            + " of entity "
                            + entity.getName()
                            + " does not exist; create the schema first");
        }
        Map<String, Object> row = rows.get(0);
        if (row.get("strat") == null) {
            throw new IllegalStateException(
                    "table "
                            + table
                            + " of entity "
                            + entity.getName()
                            + " is not partitioned; annotate the entity with @Partitioned and re-create its table");
        }
        Parent parent =
                new Parent(
                        ((Number) row.get("oid")).longValue(),
                        (String) row.get("nspname"),
                        (String) row.get("relname"),
                        (String) row.get("keytype"));
        if (!"r".equals(row.get("strat")) || ((Number) row.get("partnatts")).intValue() != 1) {
            return new Parent(parent.oid(), parent.schema(), parent.name(), null);
        }
        return parent;
    }

    private static Parent rangeParent(Connection c, String table, Class<?> entity)
            throws SQLException {
        Parent parent = parent(c, table, entity);
        if (parent.keyType() == null || !KEY_TYPE.matcher(parent.keyType()).matches()) {
            throw new IllegalStateException(
                    "table "
                            + parent.name()
                            + " must be RANGE-partitioned on one date, timestamp or timestamptz column for this operation"
                            + (parent.keyType() == null ? "" : "; its key is " + parent.keyType()));
        }
        return parent;
    }

    private static List<Map<String, Object>> partitions(Connection c, Parent parent)
            throws SQLException {
        return EntityRuntime.query(
                c,
                "select c.relname as name, pg_get_expr(c.relpartbound, c.oid) as bound from pg_catalog.pg_inherits i"
                        + " join pg_catalog.pg_class c on c.oid = i.inhrelid where i.inhparent = ? order by c.relname",
                parent.oid());
    }

    private static List<Existing> existingRanges(Connection c, Parent parent) throws SQLException {
        List<Existing> result = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<String> literals = new ArrayList<>();
        for (Map<String, Object> row : partitions(c, parent)) {
            Matcher m = RANGE_BOUND.matcher((String) row.get("bound"));
            if (m.matches()) {
                names.add((String) row.get("name"));
                literals.add(unquote(m.group(1)));
                literals.add(unquote(m.group(2)));
            }
        }
        double[] epochs = epochs(c, parent.keyType(), literals);
        for (int i = 0; i < names.size(); i++) {
            String lo = literals.get(2 * i);
            String hi = literals.get(2 * i + 1);
            result.add(
                    new Existing(
                            names.get(i),
                            "MINVALUE".equals(lo) ? null : epochs[2 * i],
                            "MAXVALUE".equals(hi) ? null : epochs[2 * i + 1]));
        }
        return result;
    }

    /** Converts bound literals of the key's type to comparable numbers, on the server. */
    private static double[] epochs(Connection c, String keyType, List<String> literals)
            throws SQLException {
        double[] out = new double[literals.size()];
        if (literals.isEmpty()) {
            return out;
        }
        String cast =
                keyType.startsWith("date")
                        ? "date"
                        : keyType.contains("with time zone") ? "timestamptz" : "timestamp";
        List<Map<String, Object>> rows =
                EntityRuntime.query(
                        c,
                        "select case when x in ('MINVALUE', 'MAXVALUE') then 0 else extract(epoch from x::"
                                + cast
                                + ") end as e"
                                + " from unnest(?::text[]) with ordinality as t(x, n) order by n",
                        c.createArrayOf("text", literals.toArray()));
        for (int i = 0; i < rows.size(); i++) {
            out[i] = ((Number) rows.get(i).get("e")).doubleValue();
        }
        return out;
    }

    private static String unquote(String literal) {
        String t = literal.trim();
        if (t.startsWith("'") && t.endsWith("'")) {
            return t.substring(1, t.length() - 1).replace("''", "'");
        }
        return t;
    }

    static String partitionName(String parent, LocalDate lower) {
        String suffix = "_p" + lower.format(DateTimeFormatter.BASIC_ISO_DATE);
        String base = parent;
        while ((base + suffix).getBytes(java.nio.charset.StandardCharsets.UTF_8).length
                > PgIdentifiers.MAX_BYTES) {
            base = base.substring(0, base.length() - 1);
        }
        return base + suffix;
    }
}
