package dev.pgorm.bulk.internal;

import java.util.List;
import org.hibernate.persister.entity.AbstractEntityPersister;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.persister.entity.mutation.EntityTableMapping;

/**
 * Mappings whose rows Hibernate writes in a way PgBulk's statements would not: refused before any
 * SQL, so that no row is written otherwise than Hibernate would write it.
 */
final class MappingRefusals {

    private MappingRefusals() {}

    /**
     * Refuses an entity with {@code @SoftDelete} (its delete only marks the row, and its other
     * writes keep the mark), one with a discriminator column (a root entity whose {@code
     * DiscriminatorColumn} is declared), and one with its own SQL for a mutation the operation
     * stands for ({@code @SQLInsert}, {@code @SQLUpdate}, {@code @SQLDelete}).
     *
     * @param operation {@code PgBulk.insert}, {@code PgBulk.upsert}, {@code PgBulk.update} or
     *     {@code PgBulk.delete}
     */
    static void check(EntityPersister persister, String operation) {
        String entity = persister.getMappedClass().getName();
        if (persister.getSoftDeleteMapping() != null) {
            throw new UnsupportedOperationException(
                    operation
                            + " does not write @SoftDelete entities ("
                            + entity
                            + "): Hibernate marks their rows deleted instead of deleting them, and"
                            + " hides marked rows; use Hibernate's own persist, merge, or an HQL"
                            + " update or delete, which keep the mark");
        }
        if (persister.getDiscriminatorMapping() != null) {
            throw new UnsupportedOperationException(
                    operation
                            + " does not write entities with a discriminator column ("
                            + entity
                            + ")");
        }
        if (!(persister instanceof AbstractEntityPersister p)) {
            return;
        }
        EntityTableMapping mapping = p.getIdentifierTableMapping();
        for (String mutation : mutations(operation)) {
            String custom =
                    switch (mutation) {
                        case "insert" -> mapping.getInsertCustomSql();
                        case "update" -> mapping.getUpdateCustomSql();
                        default -> mapping.getDeleteCustomSql();
                    };
            if (custom != null) {
                throw new UnsupportedOperationException(
                        operation
                                + " does not write "
                                + entity
                                + ": it has its own SQL for "
                                + mutation
                                + " (@SQL"
                                + Character.toUpperCase(mutation.charAt(0))
                                + mutation.substring(1)
                                + "), which "
                                + operation
                                + " would not run");
            }
        }
    }

    private static List<String> mutations(String operation) {
        return switch (operation) {
            case "PgBulk.upsert" -> List.of("insert", "update");
            case "PgBulk.update" -> List.of("update");
            case "PgBulk.delete" -> List.of("delete");
            default -> List.of("insert");
        };
    }
}
