package dev.pgorm.migrate.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A row of {@link CatalogSql#TABLES}: how the table is built, and its row security. */
record TableRow(TableForm form, boolean rowSecurity, boolean forceRowSecurity) {

    /** Reads the current row. */
    static TableRow read(ResultSet rs) throws SQLException {
        List<String> parentSchemas = CatalogQuery.strings(rs, 7);
        List<String> parentNames = CatalogQuery.strings(rs, 8);
        List<String> inherits = new ArrayList<>();
        for (int i = 0; i < parentNames.size(); i++) {
            inherits.add(SchemaModel.qualified(parentSchemas.get(i), parentNames.get(i)));
        }
        List<String> parentIndexes = CatalogQuery.strings(rs, 13);
        List<String> ownIndexes = CatalogQuery.strings(rs, 14);
        Map<String, String> attached = new LinkedHashMap<>();
        for (int i = 0; i < parentIndexes.size(); i++) {
            attached.put(parentIndexes.get(i), ownIndexes.get(i));
        }
        String parent =
                rs.getString(5) == null
                        ? null
                        : SchemaModel.qualified(rs.getString(4), rs.getString(5));
        TableForm form =
                new TableForm(
                        rs.getString(3),
                        parent,
                        rs.getString(6),
                        List.copyOf(inherits),
                        rs.getBoolean(9),
                        CatalogQuery.strings(rs, 10),
                        attached);
        return new TableRow(form, rs.getBoolean(11), rs.getBoolean(12));
    }
}
