package dev.pgorm.ddl.procedure.internal;

import dev.pgorm.core.internal.PgQualifiedName;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.util.Collections;
import org.hibernate.Session;

/** Runs {@code CALL} on the session's connection and reads the output arguments' row. */
public final class ProcedureCall {

    private ProcedureCall() {}

    public static Object[] call(EntityManager em, String name, Object... args) {
        String sql =
                "call "
                        + PgQualifiedName.parse(name, "procedure name").render()
                        + "("
                        + String.join(", ", Collections.nCopies(args.length, "?"))
                        + ")";
        Session session = em.unwrap(Session.class);
        if (session.isJoinedToTransaction()) {
            session.flush();
        }
        return session.doReturningWork(
                connection -> {
                    try (PreparedStatement statement = connection.prepareStatement(sql)) {
                        for (int i = 0; i < args.length; i++) {
                            if (args[i] == null) {
                                statement.setNull(i + 1, Types.NULL);
                            } else {
                                statement.setObject(i + 1, args[i]);
                            }
                        }
                        if (!statement.execute()) {
                            return new Object[0];
                        }
                        try (ResultSet row = statement.getResultSet()) {
                            int count = row.getMetaData().getColumnCount();
                            Object[] values = new Object[count];
                            if (row.next()) {
                                for (int i = 0; i < count; i++) {
                                    values[i] = row.getObject(i + 1);
                                }
                            }
                            return values;
                        }
                    }
                });
    }
}
