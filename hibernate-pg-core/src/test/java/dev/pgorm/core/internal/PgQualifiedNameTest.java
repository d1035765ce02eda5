package dev.pgorm.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PgQualifiedNameTest {

    @Test
    void aNameAndASchemaQualifiedName() {
        assertThat(PgQualifiedName.parse("money", "domain name"))
                .isEqualTo(new PgQualifiedName(null, "money"));
        assertThat(PgQualifiedName.parse("billing.money", "domain name"))
                .isEqualTo(new PgQualifiedName("billing", "money"));
        assertThat(PgQualifiedName.parse("Billing.Money", "domain name").render())
                .isEqualTo("\"Billing\".\"Money\"");
        assertThat(PgQualifiedName.parse("billing.money", "domain name").key())
                .isEqualTo("billing.money");
        assertThat(PgQualifiedName.parse("money", "domain name").key()).isEqualTo(".money");
    }

    @Test
    void aQuotedPartHoldsDotsAndDoubledQuotes() {
        PgQualifiedName name = PgQualifiedName.parse("\"my.schema\".\"a\"\"b.c\"", "domain name");
        assertThat(name).isEqualTo(new PgQualifiedName("my.schema", "a\"b.c"));
        assertThat(name.render()).isEqualTo("\"my.schema\".\"a\"\"b.c\"");
        assertThat(PgQualifiedName.parse("\"C\"", "collation").quoted()).isEqualTo("\"C\"");
        assertThat(PgQualifiedName.parse("pg_catalog.C", "collation").quoted())
                .isEqualTo("\"pg_catalog\".\"C\"");
    }

    @Test
    void emptyPartsAreRefused() {
        for (String bad : new String[] {".money", "money.", "a..b", "\"\".money", "."}) {
            assertThatThrownBy(() -> PgQualifiedName.parse(bad, "domain name"))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("domain name '" + bad + "' has an empty part")
                    .hasMessageContaining("write name or schema.name");
        }
        assertThatThrownBy(() -> PgQualifiedName.parse("", "domain name"))
                .hasMessageContaining("domain name must not be empty");
    }

    @Test
    void threePartsAndStrayQuotesAreRefused() {
        assertThatThrownBy(() -> PgQualifiedName.parse("a.b.c", "procedure name"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("procedure name 'a.b.c' has 3 parts");
        assertThatThrownBy(() -> PgQualifiedName.parse("\"a.b", "collation name"))
                .hasMessageContaining("has a double quote that is not closed");
        assertThatThrownBy(() -> PgQualifiedName.parse("\"a\"b.c", "collation name"))
                .hasMessageContaining("has text after a closing double quote");
        assertThatThrownBy(() -> PgQualifiedName.parse("a\"b", "collation name"))
                .hasMessageContaining("has a double quote inside a part");
    }

    @Test
    void eachPartIsCheckedForLengthOnItsOwn() {
        String long40 = "a".repeat(40);
        assertThat(PgQualifiedName.parse(long40 + "." + long40, "domain name"))
                .isEqualTo(new PgQualifiedName(long40, long40));
        assertThatThrownBy(() -> PgQualifiedName.parse("s." + "a".repeat(64), "domain name"))
                .hasMessageContaining("64 bytes");
    }
}
