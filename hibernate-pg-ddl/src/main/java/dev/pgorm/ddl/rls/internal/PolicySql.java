package dev.pgorm.ddl.rls.internal;

import dev.pgorm.core.internal.PgIdentifiers;
import dev.pgorm.ddl.internal.Fingerprint;
import dev.pgorm.ddl.internal.SqlText;
import java.io.Serializable;
import java.util.List;

/**
 * One checked policy, rendered for any table: the entity's own, and each of its partitions.
 *
 * @param name the policy's name
 * @param type {@code permissive} or {@code restrictive}
 * @param command {@code all}, {@code select} ...
 * @param roles rendered role names, empty for public
 * @param using the USING predicate or empty
 * @param withCheck the WITH CHECK predicate or empty
 */
public record PolicySql(
        String name,
        String type,
        String command,
        List<String> roles,
        String using,
        String withCheck)
        implements Serializable {

    /**
     * Returns the statements that (re-)create the policy on {@code table}, with its fingerprint as
     * its comment; run them in one block, so that a policy whose new text fails keeps the old one.
     */
    public List<String> statements(String table) {
        String policy = PgIdentifiers.render(name);
        return List.of(
                "drop policy if exists " + policy + " on " + table,
                create(table),
                "comment on policy "
                        + policy
                        + " on "
                        + table
                        + " is "
                        + SqlText.literal(fingerprint()));
    }

    /** Returns the {@code CREATE POLICY} statement of this policy on {@code table}. */
    public String create(String table) {
        StringBuilder create =
                new StringBuilder("create policy ")
                        .append(PgIdentifiers.render(name))
                        .append(" on ")
                        .append(table)
                        .append(" as ")
                        .append(type)
                        .append(" for ")
                        .append(command)
                        .append(" to ")
                        .append(roles.isEmpty() ? "public" : String.join(", ", roles));
        if (!using.isEmpty()) {
            create.append(" using (").append(using).append(')');
        }
        if (!withCheck.isEmpty()) {
            create.append(" with check (").append(withCheck).append(')');
        }
        return create.toString();
    }

    /** Returns the comment that identifies this declaration ({@code pgorm:} and a hash). */
    public String fingerprint() {
        return Fingerprint.of(name, type, command, String.join("\t", roles), using, withCheck);
    }

    /** Returns the statements that enable row-level security on {@code table}. */
    public static List<String> enable(String table, boolean force) {
        return List.of(
                "alter table " + table + " enable row level security",
                "alter table " + table + (force ? " force" : " no force") + " row level security");
    }
}
