package dev.pgorm.demo;

import dev.pgorm.ddl.domain.PgDomain;
import dev.pgorm.ddl.domain.PgDomainType;
import dev.pgorm.ddl.procedure.PgProcedure;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/**
 * A visitor's tip for a place, with an IDENTITY id as most Spring Boot entities have; its text is
 * of a checked domain, and a procedure prunes a place's old tips.
 */
@Entity
@PgDomain(name = "tip_text", type = "text", check = "length(value) between 1 and 500")
@PgProcedure(
        name = "prune_tips",
        arguments = "place bigint, keep integer, inout removed integer",
        body =
                "begin delete from tip where placeid = place and id not in (select id from tip"
                        + " where placeid = place order by id desc limit keep);"
                        + " get diagnostics removed = row_count; end")
public class Tip {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    long placeId;

    @PgDomainType("tip_text")
    String text;

    protected Tip() {}

    Tip(long placeId, String text) {
        this.placeId = placeId;
        this.text = text;
    }
}
