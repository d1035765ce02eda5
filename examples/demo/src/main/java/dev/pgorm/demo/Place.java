package dev.pgorm.demo;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import java.util.Map;
import org.hibernate.annotations.Array;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.locationtech.jts.geom.Point;

/** A place with a location (PostGIS), an embedding (pgvector) and free-form attributes (JSONB). */
@Entity
public class Place {

    @Id @GeneratedValue Long id;

    String name;

    Point location;

    @JdbcTypeCode(SqlTypes.VECTOR)
    @Array(length = 3)
    float[] embedding;

    @JdbcTypeCode(SqlTypes.JSON)
    Map<String, Object> attrs;

    protected Place() {}

    Place(String name, Point location, float[] embedding, Map<String, Object> attrs) {
        this.name = name;
        this.location = location;
        this.embedding = embedding;
        this.attrs = attrs;
    }
}
