package dev.pgorm.ddl.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hibernate.boot.model.relational.AuxiliaryDatabaseObject;
import org.hibernate.boot.model.relational.Database;
import org.hibernate.boot.model.relational.NamedAuxiliaryDatabaseObject;
import org.hibernate.boot.model.relational.SqlStringGenerationContext;

/**
 * Makes Hibernate's named enum types safe for {@code hbm2ddl.auto=update}.
 *
 * <p>Hibernate registers each PostgreSQL enum type as an auxiliary object whose drop is {@code DROP
 * TYPE ... CASCADE}, and {@code update} runs every drop before re-creating: the cascade removes
 * every column of that type, with its data. This replaces each such object (same identifier, same
 * place) with one that creates the type and its casts only when missing, adds new constants with
 * {@code ALTER TYPE ... ADD VALUE IF NOT EXISTS}, and drops the type only when no column uses it.
 */
final class SafeEnumTypes {

    private SafeEnumTypes() {}

    /** Wraps every named auxiliary object of the database; non-enum ones pass through unchanged. */
    public static void apply(Database database) {
        List<AuxiliaryDatabaseObject> named = new ArrayList<>();
        for (AuxiliaryDatabaseObject aux : database.getAuxiliaryDatabaseObjects()) {
            if (aux.getClass() == NamedAuxiliaryDatabaseObject.class) {
                named.add(aux);
            }
        }
        for (AuxiliaryDatabaseObject aux : named) {
            database.addAuxiliaryDatabaseObject(new EnumTypeObject(aux));
        }
    }

    /** The safe replacement; see {@link SafeEnumTypes}. */
    static final class EnumTypeObject extends PgDdlObject {

        private static final long serialVersionUID = 1L;
        private static final Pattern CREATE_ENUM =
                Pattern.compile("(?is)create type (\\S+) as enum \\((.*)\\)");
        private static final Pattern CREATE_CAST =
                Pattern.compile("(?is)create cast \\((\\S+) as (\\S+)\\).*");
        private static final Pattern VALUE = Pattern.compile("'((?:[^']|'')*)'");

        private final AuxiliaryDatabaseObject original;

        EnumTypeObject(AuxiliaryDatabaseObject original) {
            super(
                    original.getExportIdentifier(),
                    "Hibernate's named enum type " + original.getExportIdentifier());
            this.original = original;
        }

        @Override
        public boolean beforeTablesOnCreation() {
            return original.beforeTablesOnCreation();
        }

        @Override
        public String[] sqlCreateStrings(SqlStringGenerationContext context) {
            String[] create = original.sqlCreateStrings(context);
            Matcher type = create.length == 0 ? null : CREATE_ENUM.matcher(create[0].trim());
            if (type == null || !type.matches()) {
                return create;
            }
            String name = type.group(1);
            List<String> sql = new ArrayList<>();
            sql.add(
                    "do $pgorm$ begin if to_regtype("
                            + SqlText.literal(name)
                            + ") is null then "
                            + create[0]
                            + "; end if; end $pgorm$");
            // Missing values are added in declared order: last first, each before its declared
            // successor, so that an updated type sorts as a freshly created one.
            List<String> labels = new ArrayList<>();
            Matcher values = VALUE.matcher(type.group(2));
            while (values.find()) {
                labels.add(values.group(1));
            }
            for (int i = labels.size() - 1; i >= 0; i--) {
                sql.add(
                        "alter type "
                                + name
                                + " add value if not exists '"
                                + labels.get(i)
                                + "'"
                                + (i + 1 < labels.size()
                                        ? " before '" + labels.get(i + 1) + "'"
                                        : ""));
            }
            for (int i = 1; i < create.length; i++) {
                Matcher cast = CREATE_CAST.matcher(create[i].trim());
                if (cast.matches()) {
                    sql.add(
                            "do $pgorm$ begin if not exists (select 1 from pg_catalog.pg_cast where castsource = to_regtype("
                                    + SqlText.literal(cast.group(1))
                                    + ") and casttarget = to_regtype("
                                    + SqlText.literal(cast.group(2))
                                    + ")) then "
                                    + create[i]
                                    + "; end if; end $pgorm$");
                } else {
                    sql.add(create[i]);
                }
            }
            return sql.toArray(new String[0]);
        }

        @Override
        public String[] sqlDropStrings(SqlStringGenerationContext context) {
            String[] create = original.sqlCreateStrings(context);
            Matcher type = create.length == 0 ? null : CREATE_ENUM.matcher(create[0].trim());
            if (type == null || !type.matches()) {
                return original.sqlDropStrings(context);
            }
            String name = SqlText.literal(type.group(1));
            return new String[] {
                "do $pgorm$ begin if to_regtype("
                        + name
                        + ") is not null and not exists (select 1 from pg_catalog.pg_depend d"
                        // anything but a cast that uses the type or its array type: a column, an
                        // array column, a domain, a function
                        + " where d.refobjid in (to_regtype("
                        + name
                        + "), (select typarray from pg_catalog.pg_type where oid = to_regtype("
                        + name
                        + "))) and d.classid <> 'pg_catalog.pg_cast'::regclass and d.deptype = 'n')"
                        + " then drop type "
                        + type.group(1)
                        + " cascade; end if; end $pgorm$"
            };
        }

        @Override
        public List<CatalogCheck> catalogChecks(SqlStringGenerationContext context) {
            return List.of();
        }
    }
}
