package dev.pgorm.demo;

import dev.pgorm.ddl.index.PgIndex;
import dev.pgorm.ddl.view.MaterializedView;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import org.hibernate.annotations.Immutable;

/** Visits per place, kept in a materialized view. */
@Entity
@Immutable
@MaterializedView(
        query =
                "select p.id, p.name, count(v.id) as visits from place p left join visit v on v.placeId = p.id group by p.id, p.name")
@PgIndex(name = "place_visits_id", columns = "id", unique = true)
public class PlaceVisits {

    @Id Long id;

    String name;

    long visits;
}
