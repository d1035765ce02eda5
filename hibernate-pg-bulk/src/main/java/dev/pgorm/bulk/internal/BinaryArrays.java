package dev.pgorm.bulk.internal;

import java.lang.reflect.Array;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The binary COPY encoder of one-dimensional arrays: int32 dimensions (0 when empty), int32
 * has-nulls flag, the element type's OID (as the catalog gives it), then per dimension its size and
 * lower bound (1), then the elements, each as a field.
 */
final class BinaryArrays {

    private BinaryArrays() {}

    static BinaryEncoder of(int elementOid, BinaryEncoder element, String type) {
        return (out, value) -> {
            List<Object> elements = elements(value, type);
            boolean nulls = elements.contains(null);
            int at = out.startField();
            out.writeInt(elements.isEmpty() ? 0 : 1);
            out.writeInt(nulls ? 1 : 0);
            out.writeInt(elementOid);
            if (!elements.isEmpty()) {
                out.writeInt(elements.size());
                out.writeInt(1);
            }
            for (Object e : elements) {
                if (e == null) {
                    out.writeInt(-1);
                } else {
                    element.write(out, e);
                }
            }
            out.endField(at);
        };
    }

    /** The elements of a Java array, a collection or a JDBC array. */
    private static List<Object> elements(Object value, String type) {
        Object array;
        try {
            array = CopyValues.elementsOfJdbcArray(value);
        } catch (SQLException e) {
            throw new IllegalArgumentException(
                    "cannot read the elements of an array: " + e.getMessage(), e);
        }
        if (array instanceof Collection<?> c) {
            return new ArrayList<>(c);
        }
        if (array != null && array.getClass().isArray()) {
            int n = Array.getLength(array);
            List<Object> list = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                Object e = Array.get(array, i);
                if (e != null && e.getClass().isArray() && !(e instanceof byte[])) {
                    throw new IllegalArgumentException(
                            "binary COPY writes one-dimensional arrays only; set "
                                    + "pgorm.bulk.copy_format=text for arrays of arrays");
                }
                list.add(e);
            }
            return list;
        }
        throw BinaryEncoder.cannot(value, type);
    }
}
