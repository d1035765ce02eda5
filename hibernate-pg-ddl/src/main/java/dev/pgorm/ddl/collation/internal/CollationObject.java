package dev.pgorm.ddl.collation.internal;

import dev.pgorm.core.internal.PgQualifiedName;
import dev.pgorm.ddl.internal.PgDdlObject;
import dev.pgorm.ddl.internal.SqlText;
import java.util.List;
import org.hibernate.boot.model.relational.SqlStringGenerationContext;

/**
 * {@code CREATE COLLATION IF NOT EXISTS}, before the tables; never dropped (columns and indexes
 * depend on it, and PostgreSQL cannot change it in place).
 */
final class CollationObject extends PgDdlObject {

    private static final long serialVersionUID = 1L;

    /**
     * The locale as the catalog keeps it: {@code colllocale} from PostgreSQL 17, {@code
     * colliculocale} for ICU in 15 and 16, {@code collcollate} otherwise. From PostgreSQL 16 an ICU
     * locale is kept as a language tag ({@code en_US} becomes {@code en-US}), so the check compares
     * with {@code _} and {@code -} alike.
     */
    private static final String LOCALE =
            """
            coalesce(to_jsonb(c) ->> 'colllocale', to_jsonb(c) ->> 'colliculocale', c.collcollate)
            """
                    .strip();

    private final PgQualifiedName name;
    private final String provider;
    private final String locale;
    private final boolean deterministic;

    CollationObject(
            PgQualifiedName name,
            String provider,
            String locale,
            boolean deterministic,
            String declaredBy) {
        super(
                "pgorm.collation."
                        + (name.schema() == null ? "" : name.schema() + ".")
                        + name.name(),
                declaredBy);
        this.name = name;
        this.provider = provider;
        this.locale = locale;
        this.deterministic = deterministic;
    }

    /** Returns what identifies the declaration, to compare the same name declared twice. */
    String definition() {
        return provider + " " + locale + " " + deterministic;
    }

    @Override
    public boolean beforeTablesOnCreation() {
        return true;
    }

    @Override
    public String[] sqlCreateStrings(SqlStringGenerationContext context) {
        return new String[] {
            "create collation if not exists "
                    + name.render()
                    + " (provider = "
                    + provider
                    + ", locale = "
                    + SqlText.literal(locale)
                    + ", deterministic = "
                    + deterministic
                    + ")"
        };
    }

    @Override
    public List<CatalogCheck> catalogChecks(SqlStringGenerationContext context) {
        String schema = name.schema() == null ? "" : name.schema();
        return List.of(
                new CatalogCheck(
                        "collation "
                                + name.render()
                                + " (provider "
                                + provider
                                + ", locale "
                                + locale
                                + ", deterministic "
                                + deterministic
                                + "; "
                                + declaredBy()
                                + "; a collation cannot change in place: declare one of another"
                                + " name and move the columns to it)",
                        """
                        select exists (select 1 from pg_catalog.pg_collation c
                                         join pg_catalog.pg_namespace n on n.oid = c.collnamespace
                                        where c.collname = ?
                                          and (n.nspname = ? or ? = ''
                                               and n.nspname = any(pg_catalog.current_schemas(false)))
                                          and c.collprovider = ?
                                          and replace(%s, '_', '-') = replace(?, '_', '-')
                                          and c.collisdeterministic = ?)
                        """
                                .formatted(LOCALE),
                        List.of(
                                name.name(),
                                schema,
                                schema,
                                provider.substring(0, 1),
                                locale,
                                deterministic)));
    }
}
