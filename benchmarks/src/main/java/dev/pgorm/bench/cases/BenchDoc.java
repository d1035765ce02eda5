package dev.pgorm.bench.cases;

import dev.pgorm.ddl.index.IndexMethod;
import dev.pgorm.ddl.index.PgIndex;
import dev.pgorm.types.PgRange;
import dev.pgorm.types.PgSqlTypes;
import dev.pgorm.types.PgTsVector;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import java.util.Map;
import org.hibernate.annotations.GeneratedColumn;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The table the operator benchmarks query, with one index per operator family. */
@Entity(name = "BenchDoc")
@Table(name = "bench_doc")
@PgIndex(
        name = "bench_doc_attrs_path",
        columns = "attrs",
        method = IndexMethod.GIN,
        opclass = "jsonb_path_ops")
@PgIndex(name = "bench_doc_attrs_keys", columns = "attrs", method = IndexMethod.GIN)
@PgIndex(name = "bench_doc_search", columns = "search", method = IndexMethod.GIN)
@PgIndex(name = "bench_doc_during", columns = "during", method = IndexMethod.GIST)
@PgIndex(
        name = "bench_doc_name_trgm",
        columns = "name",
        method = IndexMethod.GIN,
        opclass = "gin_trgm_ops")
@PgIndex(name = "bench_doc_path", columns = "path", method = IndexMethod.GIST)
@PgIndex(name = "bench_doc_tags", columns = "tags", method = IndexMethod.GIN)
public class BenchDoc {
    @Id Long id;
    String name;
    String body;

    @JdbcTypeCode(SqlTypes.JSON)
    Map<String, Object> attrs;

    @GeneratedColumn("to_tsvector('english', coalesce(body, ''))")
    PgTsVector search;

    PgRange<LocalDateTime> during;

    @JdbcTypeCode(PgSqlTypes.LTREE)
    String path;

    @JdbcTypeCode(PgSqlTypes.HSTORE)
    Map<String, String> tags;
}
