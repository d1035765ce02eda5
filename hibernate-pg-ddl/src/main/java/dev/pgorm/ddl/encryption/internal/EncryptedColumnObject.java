package dev.pgorm.ddl.encryption.internal;

import dev.pgorm.core.internal.PgCatalog;
import dev.pgorm.core.internal.PgIdentifiers;
import dev.pgorm.ddl.internal.CatalogInspection;
import dev.pgorm.ddl.internal.PgDdlObject;
import dev.pgorm.ddl.internal.SqlText;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.hibernate.boot.model.relational.SqlStringGenerationContext;
import org.hibernate.mapping.Table;

/**
 * Keeps a {@code @PgEncrypted} column {@code bytea} through {@code update}: Hibernate's migrator
 * adds missing columns but never changes a column's type, so a text column that gains the
 * annotation would stay text, and every read ({@code pgp_sym_decrypt} of text) would fail. An empty
 * table's text column becomes {@code bytea}; one with rows is refused before anything changes, with
 * the statement that encrypts them, since that needs the key and rewrites the table.
 */
final class EncryptedColumnObject extends PgDdlObject implements CatalogInspection {

    private static final long serialVersionUID = 1L;

    /** The column's type and whether the table has rows; no row when the column is missing. */
    private static final String COLUMN =
            """
            select pg_catalog.format_type(a.atttypid, a.atttypmod) as type,
                   a.atttypid = 'pg_catalog.bytea'::pg_catalog.regtype as bytea,
                   a.atttypid in ('pg_catalog.text'::pg_catalog.regtype,
                                  'pg_catalog.varchar'::pg_catalog.regtype,
                                  'pg_catalog.bpchar'::pg_catalog.regtype) as textual
              from pg_catalog.pg_attribute a
             where a.attrelid = pg_catalog.to_regclass(?) and a.attname = ?
               and a.attnum > 0 and not a.attisdropped
            """;

    /**
     * Turns an empty table's text column into {@code bytea} (after locking the table, so no row
     * arrives in between), and refuses one with rows: the script form of the check that {@link
     * #updateRefusals} makes before a database update.
     */
    private static final String UPDATE =
            """
            do $pgorm_encrypted$ begin
              if (select a.atttypid in ('pg_catalog.text'::pg_catalog.regtype,
                                        'pg_catalog.varchar'::pg_catalog.regtype,
                                        'pg_catalog.bpchar'::pg_catalog.regtype)
                    from pg_catalog.pg_attribute a
                   where a.attrelid = pg_catalog.to_regclass({tableLiteral}) and a.attname = {columnLiteral}
                     and a.attnum > 0 and not a.attisdropped) then
                lock table {table} in access exclusive mode;
                if exists (select 1 from {table}) then
                  raise exception using errcode = 'object_not_in_prerequisite_state',
                    message = {refusal};
                end if;
                alter table {table} alter column {column} type bytea using {encrypt};
              end if;
            end $pgorm_encrypted$""";

    private record ColumnType(String type, boolean bytea, boolean textual) {}

    private final Table table;
    private final String column;
    private final String keySetting;
    private final String key;

    EncryptedColumnObject(
            Table table, String column, String keySetting, String key, String declaredBy) {
        super("pgorm.encrypted." + key(table) + "." + column, declaredBy);
        this.table = table;
        this.column = column;
        this.keySetting = keySetting;
        this.key = key;
    }

    private String tableName(SqlStringGenerationContext context) {
        return context.format(table.getQualifiedTableName());
    }

    /** Returns the statement that encrypts the stored values, as the user runs it with the key. */
    String migration(SqlStringGenerationContext context) {
        String c = PgIdentifiers.render(column);
        return "ALTER TABLE "
                + tableName(context)
                + " ALTER COLUMN "
                + c
                + " TYPE bytea USING pgp_sym_encrypt("
                + c
                + ", current_setting("
                + SqlText.literal(keySetting)
                + "))";
    }

    private String describe(SqlStringGenerationContext context, String type) {
        return "column "
                + tableName(context)
                + "."
                + column
                + " is "
                + type
                + " in the database, but "
                + declaredBy()
                + " stores it as bytea, encrypted";
    }

    private String refusal(SqlStringGenerationContext context, String type) {
        return describe(context, type)
                + ", and the table has rows: update does not encrypt stored values (that needs the"
                + " key and rewrites the table under an ACCESS EXCLUSIVE lock). Encrypt them once,"
                + " in a session where "
                + keySetting
                + " holds the key (SET "
                + keySetting
                + " = '...'): "
                + migration(context);
    }

    @Override
    public String[] sqlCreateStrings(SqlStringGenerationContext context) {
        String c = PgIdentifiers.render(column);
        return new String[] {
            UPDATE.replace("{tableLiteral}", SqlText.literal(tableName(context)))
                    .replace("{columnLiteral}", SqlText.literal(column))
                    .replace("{table}", tableName(context))
                    .replace("{column}", c)
                    .replace("{refusal}", SqlText.literal("PG-ORM: " + refusal(context, "text")))
                    .replace("{encrypt}", "pgp_sym_encrypt(" + c + ", " + key + ")")
        };
    }

    @Override
    public List<CatalogCheck> catalogChecks(SqlStringGenerationContext context) {
        return List.of(); // differences(...) says what type the column has
    }

    private Optional<ColumnType> columnType(PgCatalog catalog, SqlStringGenerationContext context)
            throws SQLException {
        return catalog.optional(
                COLUMN,
                row ->
                        new ColumnType(
                                row.getString("type"),
                                row.getBoolean("bytea"),
                                row.getBoolean("textual")),
                tableName(context),
                column);
    }

    @Override
    public List<String> differences(PgCatalog catalog, SqlStringGenerationContext context)
            throws SQLException {
        Optional<ColumnType> type = columnType(catalog, context);
        if (type.isEmpty() || type.get().bytea()) {
            return List.of(); // a missing column is Hibernate's to report
        }
        return List.of(
                describe(context, type.get().type())
                        + (type.get().textual()
                                ? " (with rows, encrypt them: " + migration(context) + ")"
                                : ""));
    }

    @Override
    public List<String> updateRefusals(PgCatalog catalog, SqlStringGenerationContext context)
            throws SQLException {
        Optional<ColumnType> type = columnType(catalog, context);
        if (type.isEmpty()
                || !type.get().textual()
                || !catalog.bool("select exists (select 1 from " + tableName(context) + ")")) {
            return List.of();
        }
        return List.of(refusal(context, type.get().type()));
    }
}
