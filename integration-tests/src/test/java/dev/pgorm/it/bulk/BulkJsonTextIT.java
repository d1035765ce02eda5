package dev.pgorm.it.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgorm.bulk.PgBulk;
import dev.pgorm.bulk.PgBulkObserver;
import dev.pgorm.bulk.PgBulkSettings;
import dev.pgorm.bulk.PgCopyFormat;
import dev.pgorm.testing.PgTest;
import dev.pgorm.testing.PgTestDatabase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.hibernate.SessionFactory;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.junit.jupiter.api.Test;

/**
 * Binary COPY writes a JSON attribute's value from Jackson's UTF-8 generator straight into the COPY
 * buffer: a {@code json} column, which keeps its text, holds exactly the text Hibernate's own
 * insert stores, characters beyond the BMP and a lone surrogate included.
 */
@PgTest
class BulkJsonTextIT {

    @Entity(name = "Payload")
    @Table(name = "payload")
    public static class Payload {
        @Id Long id;

        @JdbcTypeCode(SqlTypes.JSON)
        @Column(columnDefinition = "json")
        Map<String, Object> text;

        @JdbcTypeCode(SqlTypes.JSON)
        Map<String, Object> doc;

        Payload() {}

        Payload(long id) {
            this.id = id;
            Map<String, Object> value = new LinkedHashMap<>();
            value.put("id", id);
            value.put("wide", "ü 🐘 € 日本");
            value.put("escaped", "tab\t\"quote\" back\\slash \u0001");
            value.put("list", List.of(1, 2.5, true));
            if (id % 100 == 7) {
                value.put("broken", "a\uD800b");
            }
            this.text = value;
            this.doc = value;
        }
    }

    @Test
    void binaryCopyStoresTheTextTheTextCopyStores(PgTestDatabase db) {
        List<PgCopyFormat> formats = new ArrayList<>();
        PgBulkObserver observer =
                new PgBulkObserver() {
                    @Override
                    public void completed(String operation, long rows, long nanos) {}

                    @Override
                    public void copied(String operation, PgCopyFormat format, long rows) {
                        formats.add(format);
                    }
                };
        SessionFactory binary =
                db.entityManagerFactory(
                        List.of(Payload.class), Map.of(PgBulkSettings.OBSERVER, observer));
        SessionFactory text =
                db.entityManagerFactory(
                        List.of(Payload.class),
                        Map.of(
                                PgBulkSettings.OBSERVER,
                                observer,
                                PgBulkSettings.COPY_FORMAT,
                                "text",
                                "hibernate.hbm2ddl.auto",
                                "none"));
        binary.inTransaction(
                em -> PgBulk.insert(em, LongStream.range(0, 300).mapToObj(Payload::new)));
        text.inTransaction(
                em -> PgBulk.insert(em, LongStream.range(1000, 1300).mapToObj(Payload::new)));
        assertThat(formats).containsExactly(PgCopyFormat.BINARY, PgCopyFormat.TEXT);
        // the same values apart from the id: the stored texts are equal once the id is set aside
        for (long id = 0; id < 300; id++) {
            assertThat(text(db, id).replace("\"id\":" + id + ",", ""))
                    .isEqualTo(text(db, id + 1000).replace("\"id\":" + (id + 1000) + ",", ""));
        }
        // Jackson's text as it is: characters beyond the BMP unescaped, a lone surrogate as '?'
        assertThat(text(db, 8)).startsWith("{\"id\":8,\"wide\":\"ü 🐘 € 日本\"");
        assertThat(text(db, 7)).contains("\"broken\":\"a?b\"");
        assertThat(
                        db.sql()
                                .queryValue(
                                        "select count(*) from payload where doc ->> 'wide' = 'ü 🐘 € 日本'",
                                        Long.class))
                .isEqualTo(600);
    }

    private static String text(PgTestDatabase db, long id) {
        return db.sql().queryValue("select text::text from payload where id = ?", String.class, id);
    }
}
