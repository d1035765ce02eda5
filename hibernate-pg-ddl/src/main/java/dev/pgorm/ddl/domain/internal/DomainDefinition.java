package dev.pgorm.ddl.domain.internal;

import dev.pgorm.core.internal.PgIdentifiers;
import dev.pgorm.core.internal.PgQualifiedName;
import java.io.Serializable;

/**
 * A checked domain declaration: its rendered name and the SQL parts as written (trimmed), which
 * also tell identical declarations from conflicting ones.
 */
record DomainDefinition(
        String rendered,
        String type,
        String check,
        boolean notNull,
        String defaultValue,
        String collation,
        String constraintName)
        implements Serializable {

    /** Returns the {@code CREATE DOMAIN} statement for the given (rendered) name. */
    String create(String as) {
        StringBuilder sql = new StringBuilder("create domain ").append(as).append(" as ");
        sql.append(type);
        if (!collation.isEmpty()) {
            sql.append(" collate ").append(collationSql());
        }
        if (!defaultValue.isEmpty()) {
            sql.append(" default ").append(defaultValue);
        }
        if (notNull) {
            sql.append(" not null");
        }
        if (!check.isEmpty()) {
            sql.append(" constraint ")
                    .append(PgIdentifiers.quote(constraintName))
                    .append(" check (")
                    .append(check)
                    .append(")");
        }
        return sql.toString();
    }

    private String collationSql() {
        return PgQualifiedName.parse(collation, "collation").quoted();
    }

    /** Returns the definition as one string, for comparing declarations. */
    String text() {
        return create(rendered);
    }
}
