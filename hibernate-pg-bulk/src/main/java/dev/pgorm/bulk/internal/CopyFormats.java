package dev.pgorm.bulk.internal;

import dev.pgorm.bulk.PgBulkSettings;
import dev.pgorm.core.internal.PgSettingsReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.TypeInfo;

/**
 * Chooses the format of a call's COPY: binary when {@code pgorm.bulk.copy_format} allows it (the
 * default) and every column's type in the catalog has a binary encoder; text otherwise.
 */
final class CopyFormats {

    private CopyFormats() {}

    /**
     * Returns the rows writer for a COPY into {@code target}, reading the target's column types
     * once (while the connection is free).
     */
    static CopyRows choose(
            SharedSessionContractImplementor session,
            Connection connection,
            String target,
            BulkTable table,
            CopyValues values)
            throws SQLException {
        String setting =
                PgSettingsReader.of(session.getFactory().getProperties())
                        .getString(PgBulkSettings.COPY_FORMAT, "binary")
                        .toLowerCase(Locale.ROOT);
        switch (setting) {
            case "text":
                return new TextRows(values);
            case "binary":
                CopyColumnTypes types = CopyColumnTypes.read(connection, target);
                BinaryEncoder[] encoders = encoders(types, table.boundColumns());
                if (encoders == null) {
                    return new TextRows(values);
                }
                return new BinaryRows(
                        values,
                        encoders,
                        resolveArrayElementTypes(connection, types, table.boundColumns()));
            default:
                throw new IllegalArgumentException(
                        PgBulkSettings.COPY_FORMAT
                                + " is \""
                                + setting
                                + "\"; set it to binary (the default) or text");
        }
    }

    /**
     * Lets pgjdbc look up the element types of the array columns now, while the connection is free:
     * reading the elements of a JDBC array needs them, and a query during COPY would block forever.
     * Returns which columns are arrays.
     */
    private static boolean[] resolveArrayElementTypes(
            Connection connection, CopyColumnTypes types, List<BulkTable.Column> columns)
            throws SQLException {
        TypeInfo info = connection.unwrap(BaseConnection.class).getTypeInfo();
        boolean[] arrays = new boolean[columns.size()];
        for (int i = 0; i < arrays.length; i++) {
            CopyColumnTypes.ColumnType type = types.of(columns.get(i).name());
            arrays[i] = type.element() != null;
            if (arrays[i]) {
                info.getPGArrayElement(type.type().oid());
                info.getPGType(type.element().oid());
                info.getSQLType(type.element().oid());
            }
        }
        return arrays;
    }

    /** The encoder of each column, or null when a column's type has none. */
    static BinaryEncoder[] encoders(CopyColumnTypes types, List<BulkTable.Column> columns) {
        BinaryEncoder[] encoders = new BinaryEncoder[columns.size()];
        for (int i = 0; i < encoders.length; i++) {
            CopyColumnTypes.ColumnType type = types.of(columns.get(i).name());
            encoders[i] = type == null ? null : BinaryEncoders.of(type, types.timeZone());
            if (encoders[i] == null) {
                return null;
            }
        }
        return encoders;
    }
}
