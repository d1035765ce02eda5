package dev.pgorm.ddl.partition.internal;

import dev.pgorm.core.internal.PgIdentifiers;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/** The statements that create, detach and drop run-time partitions, and their names. */
final class PartitionSql {

    private PartitionSql() {}

    /**
     * Returns the statement that creates partition {@code name} of {@code parent} for a range, with
     * the entity's storage parameters ({@code with}, a {@code WITH (...)} clause with a leading
     * space, or empty); the tablespace is the parent's, as PostgreSQL gives it.
     */
    static String create(
            ParentTable parent, String name, String fromLiteral, String toLiteral, String with) {
        return "create table "
                + parent.child(name)
                + " partition of "
                + parent.sql()
                + " for values from ('"
                + fromLiteral
                + "') to ('"
                + toLiteral
                + "')"
                + with;
    }

    /** Returns the statement that detaches partition {@code name} from {@code parent}. */
    static String detach(ParentTable parent, String name) {
        return "alter table " + parent.sql() + " detach partition " + parent.child(name);
    }

    /** Returns the statement that drops the (detached) partition {@code name}. */
    static String drop(ParentTable parent, String name) {
        return "drop table " + parent.child(name);
    }

    /**
     * Returns the name of the partition of {@code parent} starting at {@code lower}: the parent's
     * name, cut to fit if need be, and {@code _pYYYYMMDD}.
     */
    static String partitionName(String parent, LocalDate lower) {
        String suffix = "_p" + lower.format(DateTimeFormatter.BASIC_ISO_DATE);
        String base = parent;
        while ((base + suffix).getBytes(StandardCharsets.UTF_8).length > PgIdentifiers.MAX_BYTES) {
            base = base.substring(0, base.length() - 1);
        }
        return base + suffix;
    }
}
