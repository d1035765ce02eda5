package dev.pgorm.ddl.rls.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PolicySqlTest {

    @Test
    void rendersDropAndCreate() {
        PolicySql policy =
                new PolicySql(
                        "tenant isolation",
                        "permissive",
                        "all",
                        List.of("app_user"),
                        "a = 1",
                        "a = 1");
        assertThat(policy.statements("doc"))
                .containsExactly(
                        "drop policy if exists \"tenant isolation\" on doc",
                        "create policy \"tenant isolation\" on doc as permissive for all to app_user using (a = 1) with check (a = 1)",
                        "comment on policy \"tenant isolation\" on doc is '"
                                + policy.fingerprint()
                                + "'");
        assertThat(policy.fingerprint()).matches("pgorm:[0-9a-f]{16}");
        PolicySql stricter =
                new PolicySql(
                        "tenant isolation",
                        "permissive",
                        "all",
                        List.of("app_user"),
                        "a = 1 and b",
                        "a = 1");
        assertThat(stricter.fingerprint()).isNotEqualTo(policy.fingerprint());
    }

    @Test
    void publicWhenNoRolesAndOnlyThePartsGiven() {
        PolicySql policy = new PolicySql("p", "restrictive", "insert", List.of(), "", "b");
        assertThat(policy.statements("s.t").get(1))
                .isEqualTo(
                        "create policy p on s.t as restrictive for insert to public with check (b)");
    }

    @Test
    void enableWithAndWithoutForce() {
        assertThat(PolicySql.enable("t", true))
                .containsExactly(
                        "alter table t enable row level security",
                        "alter table t force row level security");
        assertThat(PolicySql.enable("t", false))
                .containsExactly(
                        "alter table t enable row level security",
                        "alter table t no force row level security");
    }
}
