package dev.pgorm.demo;

import dev.pgorm.ddl.partition.Partition;
import dev.pgorm.ddl.partition.PartitionStrategy;
import dev.pgorm.ddl.partition.Partitioned;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A visit to a place, in a table partitioned by month; monthly partitions come from PgPartitions.
 */
@Entity
@IdClass(Visit.Key.class)
@Partitioned(strategy = PartitionStrategy.RANGE, key = "visitedOn")
@Partition(name = "visit_default", isDefault = true)
public class Visit {

    @Id Long id;

    @Id LocalDate visitedOn;

    long placeId;

    protected Visit() {}

    Visit(Long id, LocalDate visitedOn, long placeId) {
        this.id = id;
        this.visitedOn = visitedOn;
        this.placeId = placeId;
    }

    /** The composite key: PostgreSQL needs the partition key in the primary key. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        Long id;
        LocalDate visitedOn;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k
                    && Objects.equals(id, k.id)
                    && Objects.equals(visitedOn, k.visitedOn);
        }

        @Override
        public int hashCode() {
            return Objects.hash(id, visitedOn);
        }
    }
}
