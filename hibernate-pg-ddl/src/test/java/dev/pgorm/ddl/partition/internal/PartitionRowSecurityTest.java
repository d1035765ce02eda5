package dev.pgorm.ddl.partition.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgorm.ddl.rls.internal.PolicySql;
import java.util.List;
import org.junit.jupiter.api.Test;

class PartitionRowSecurityTest {

    @Test
    void commandsAsCreatePolicySpellsThem() {
        assertThat(List.of("r", "a", "w", "d", "*").stream().map(PartitionRowSecurity::command))
                .containsExactly("select", "insert", "update", "delete", "all");
    }

    @Test
    void aCopiedPolicyIsCreatedOnThePartitionWithoutItsComment() {
        PolicySql copied =
                new PolicySql(
                        "tenant_isolation",
                        "permissive",
                        "all",
                        List.of("public"),
                        "(tenant = 1)",
                        "");
        assertThat(copied.create("\"app\".\"event_p20270201\""))
                .isEqualTo(
                        "create policy tenant_isolation on \"app\".\"event_p20270201\" as permissive"
                                + " for all to public using ((tenant = 1))");
    }
}
