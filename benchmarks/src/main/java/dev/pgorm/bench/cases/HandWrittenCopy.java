package dev.pgorm.bench.cases;

import static dev.pgorm.bench.cases.BulkInsertCases.ROWS;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pgorm.bench.cases.BulkInsertCases.BulkRow;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntToLongFunction;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;

/** The binary COPY a developer writes by hand with pgjdbc, the baseline of three cases. */
final class HandWrittenCopy {

    private HandWrittenCopy() {}

    /**
     * Writes ROWS rows (id, attrs, name, quantity) into {@code table} by a binary COPY written by
     * hand with pgjdbc, row i with the id {@code id.applyAsLong(i)} and the values of {@link #row};
     * returns the rows COPY reports.
     */
    static long binaryCopy(
            Connection c, String table, IntToLongFunction id, ObjectMapper json, List<BulkRow> rows)
            throws Exception {
        CopyIn copy =
                new CopyManager(c.unwrap(BaseConnection.class))
                        .copyIn(
                                "copy "
                                        + table
                                        + " (id, attrs, name, quantity) from stdin (format binary)");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 20);
        DataOutputStream out = new DataOutputStream(bytes);
        out.write("PGCOPY\n\377\r\n\0".getBytes(StandardCharsets.ISO_8859_1));
        out.writeInt(0);
        out.writeInt(0);
        List<Object> tags = new ArrayList<>(List.of("a", "b"));
        for (int i = 0; i < ROWS; i++) {
            out.writeShort(4);
            out.writeInt(8);
            out.writeLong(id.applyAsLong(i));
            BulkRow row = rows == null ? null : rows.get(i);
            byte[] doc =
                    json.writeValueAsBytes(
                            row != null
                                    ? row.attrs
                                    : Map.of(
                                            "i",
                                            i,
                                            "color",
                                            i % 2 == 0 ? "red" : "blue",
                                            "tags",
                                            tags));
            out.writeInt(doc.length + 1);
            out.writeByte(1); // jsonb binary format version
            out.write(doc);
            byte[] text = (row != null ? row.name : "row " + i).getBytes(StandardCharsets.UTF_8);
            out.writeInt(text.length);
            out.write(text);
            out.writeInt(4);
            out.writeInt(row != null ? row.quantity : i % 1000);
            if (bytes.size() > (1 << 18)) {
                copy.writeToCopy(bytes.toByteArray(), 0, bytes.size());
                bytes.reset();
            }
        }
        out.writeShort(-1);
        copy.writeToCopy(bytes.toByteArray(), 0, bytes.size());
        return copy.endCopy();
    }
}
