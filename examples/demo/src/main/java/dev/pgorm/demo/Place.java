package dev.pgorm.demo;

import dev.pgorm.ddl.index.IndexMethod;
import dev.pgorm.ddl.index.PgIndex;
import dev.pgorm.types.PgRange;
import dev.pgorm.types.PgSqlTypes;
import dev.pgorm.types.PgTsVector;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.LocalDate;
import java.util.Map;
import org.hibernate.annotations.Array;
import org.hibernate.annotations.GeneratedColumn;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.locationtech.jts.geom.Point;

/**
 * A place with a location (PostGIS), an embedding (pgvector) and free-form attributes (JSONB) and a
 * district (ltree).
 */
@Entity
@PgIndex(
        name = "place_attrs_gin",
        columns = "attrs",
        method = IndexMethod.GIN,
        opclass = "jsonb_path_ops")
@PgIndex(
        name = "place_embedding_hnsw",
        columns = "embedding",
        method = IndexMethod.HNSW,
        opclass = "vector_cosine_ops")
@PgIndex(name = "place_location_gist", columns = "location", method = IndexMethod.GIST)
@PgIndex(name = "place_search_gin", columns = "search", method = IndexMethod.GIN)
public class Place {

    @Id Long id;

    String name;

    Point location;

    @JdbcTypeCode(SqlTypes.VECTOR)
    @Array(length = 3)
    float[] embedding;

    @JdbcTypeCode(SqlTypes.JSON)
    Map<String, Object> attrs;

    String description;

    /** Full-text search vector, kept current by the database. */
    @GeneratedColumn(
            "to_tsvector('english', coalesce(name, '') || ' ' || coalesce(description, ''))")
    PgTsVector search;

    /** When the place is open; a daterange column, mapped without annotations. */
    PgRange<LocalDate> season;

    /** Where the place is, as a path such as {@code Berlin.Mitte}; an ltree column. */
    @JdbcTypeCode(PgSqlTypes.LTREE)
    String district;

    protected Place() {}

    Place(
            Long id,
            String name,
            Point location,
            float[] embedding,
            Map<String, Object> attrs,
            PgRange<LocalDate> season,
            String district,
            String description) {
        this.district = district;
        this.id = id;
        this.season = season;
        this.description = description;
        this.name = name;
        this.location = location;
        this.embedding = embedding;
        this.attrs = attrs;
    }
}
