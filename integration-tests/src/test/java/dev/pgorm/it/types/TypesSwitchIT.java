package dev.pgorm.it.types;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgorm.testing.PgTest;
import dev.pgorm.testing.PgTestDatabase;
import dev.pgorm.types.PgTypesSettings;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.List;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.hibernate.annotations.Array;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.metamodel.mapping.JdbcMapping;
import org.hibernate.type.SqlTypes;
import org.junit.jupiter.api.Test;

/**
 * {@code pgorm.types.enabled=false} leaves Hibernate's own JSON and hibernate-vector's types; the
 * finer switches turn off one mapping each, under their keys and their former spellings.
 */
@PgTest
class TypesSwitchIT {

    @Entity(name = "Switched")
    @Table(name = "switched")
    static class Switched {
        @Id Long id;

        @JdbcTypeCode(SqlTypes.JSON)
        Map<String, Object> attrs;

        @JdbcTypeCode(SqlTypes.VECTOR)
        @Array(length = 3)
        float[] embedding;
    }

    private static JdbcMapping mapping(SessionFactory sf, String attribute) {
        return sf.unwrap(SessionFactoryImplementor.class)
                .getMappingMetamodel()
                .getEntityDescriptor(Switched.class)
                .findAttributeMapping(attribute)
                .getSingleJdbcMapping();
    }

    private static String describe(SessionFactory sf, String attribute) {
        JdbcMapping m = mapping(sf, attribute);
        return m.getJavaTypeDescriptor().getClass().getSimpleName()
                + " / "
                + m.getJdbcType().getClass().getSimpleName();
    }

    @Test
    void theSwitchTurnsEveryTypeOfTheModuleOff(PgTestDatabase db) {
        db.requireExtension("vector"); // a pgvector column in the entity
        SessionFactory on = db.entityManagerFactory(Switched.class);
        SessionFactory off =
                db.entityManagerFactory(
                        List.of(Switched.class),
                        Map.of(
                                PgTypesSettings.ENABLED,
                                "false",
                                AvailableSettings.HBM2DDL_AUTO,
                                "validate"));
        assertThat(describe(on, "attrs")).isEqualTo("PgJsonJavaType / PgJsonbJdbcType");
        assertThat(describe(on, "embedding")).endsWith("/ PgVectorJdbcType");
        assertThat(describe(off, "attrs"))
                .isEqualTo("JsonJavaType / PostgreSQLJsonPGObjectJsonbType");
        assertThat(describe(off, "embedding")).endsWith("/ PGVectorJdbcType");

        // both read and write the same rows
        on.inTransaction(
                s -> {
                    Switched x = new Switched();
                    x.id = 1L;
                    x.attrs = Map.of("k", "v");
                    x.embedding = new float[] {1, 2, 3};
                    s.persist(x);
                });
        Switched read = off.fromTransaction(s -> s.find(Switched.class, 1L));
        assertThat(read.attrs).isEqualTo(Map.of("k", "v"));
        assertThat(read.embedding).containsExactly(1, 2, 3);
    }

    @Test
    void jsonLeanAndVectorBinaryAreReadUnderBothSpellings(PgTestDatabase db) {
        db.requireExtension("vector"); // a pgvector column in the entity
        List<Map<String, String>> spellings =
                List.of(
                        Map.of(
                                PgTypesSettings.JSON_LEAN, "false",
                                PgTypesSettings.VECTOR_BINARY, "false"),
                        // the former spellings, read with a warning until 0.2
                        Map.of(
                                "pgorm.types.json-lean", "false",
                                "pgorm.types.vector-binary", "false"));
        for (Map<String, String> off : spellings) {
            SessionFactory sf = db.entityManagerFactory(List.of(Switched.class), off);
            assertThat(describe(sf, "attrs"))
                    .as("json lean off by " + off.keySet())
                    .isEqualTo("JsonJavaType / PostgreSQLJsonPGObjectJsonbType");
            assertThat(describe(sf, "embedding"))
                    .as("vector binary off by " + off.keySet())
                    .endsWith("/ PGVectorJdbcType");
            db.close(sf);
        }
        // each switch turns off its own mapping only
        SessionFactory textVectors =
                db.entityManagerFactory(
                        List.of(Switched.class), Map.of(PgTypesSettings.VECTOR_BINARY, "false"));
        assertThat(describe(textVectors, "attrs")).isEqualTo("PgJsonJavaType / PgJsonbJdbcType");
        assertThat(describe(textVectors, "embedding")).endsWith("/ PGVectorJdbcType");
        assertThat(PgTypesSettings.JSON_LEAN).isEqualTo("pgorm.types.json_lean");
        assertThat(PgTypesSettings.VECTOR_BINARY).isEqualTo("pgorm.types.vector_binary");
    }
}
