package dev.pgorm.it.spring.clinic;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface PetRepository extends JpaRepository<Pet, Long> {
    @Query("select p.name from Pet p join p.owner o where o.lastName = :lastName order by p.name")
    List<String> namesOfOwner(@Param("lastName") String lastName);
}
