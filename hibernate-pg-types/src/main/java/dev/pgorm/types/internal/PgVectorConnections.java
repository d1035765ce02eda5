package dev.pgorm.types.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.Oid;
import org.postgresql.core.QueryExecutor;
import org.postgresql.core.TypeInfo;

/**
 * Turns on binary transfer of {@code vector} and {@code halfvec} on a pgjdbc connection, once per
 * physical connection: pgvector's types are extension types whose OIDs differ per database, so
 * pgjdbc's {@code binaryTransferEnable} cannot name them up front. Runs from the first bind or read
 * of a vector on a connection; looking the OIDs up is one catalog query (pgjdbc caches the answer,
 * and would run the same query for a typed {@code PGobject} parameter anyway). A connection on
 * which another class was registered for the type with {@code addDataType} keeps text transfer for
 * it, so that code reading that class keeps working.
 */
final class PgVectorConnections {

    private static final String[] TYPES = {"vector", "halfvec"};

    private static final Map<BaseConnection, Boolean> PREPARED =
            Collections.synchronizedMap(new WeakHashMap<>());

    private PgVectorConnections() {}

    /**
     * Prepares the physical connection behind {@code connection} (a pool's proxy is unwrapped);
     * does nothing for a connection that is not pgjdbc's.
     */
    static void prepare(Connection connection) throws SQLException {
        if (connection == null) {
            return;
        }
        BaseConnection pg =
                connection instanceof BaseConnection base
                        ? base
                        : connection.isWrapperFor(BaseConnection.class)
                                ? connection.unwrap(BaseConnection.class)
                                : null;
        if (pg == null || PREPARED.containsKey(pg)) {
            return;
        }
        TypeInfo types = pg.getTypeInfo();
        QueryExecutor executor = pg.getQueryExecutor();
        for (String type : TYPES) {
            Class<?> registered = types.getPGobject(type);
            if (registered != null && registered != PgVectorObject.class) {
                // another library (pgvector-java's PGvector, say) reads this type: leave it text
                continue;
            }
            int oid = types.getPGType(type);
            if (oid != Oid.UNSPECIFIED) {
                types.addDataType(type, PgVectorObject.class);
                executor.addBinarySendOid(oid);
                executor.addBinaryReceiveOid(oid);
            }
        }
        PREPARED.put(pg, Boolean.TRUE);
    }
}
