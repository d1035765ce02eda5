package dev.pgorm.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PgConflictTest {

    @Test
    void targetsAndActions() {
        assertThat(PgConflict.onId().updates()).isTrue();
        assertThat(PgConflict.onId().doNothing().updates()).isFalse();
        assertThat(PgConflict.onId().doNothing().doUpdate()).isEqualTo(PgConflict.onId());
        assertThat(PgConflict.onColumns("code", "region").columns())
                .isEqualTo(List.of("code", "region"));
        assertThat(PgConflict.onConstraint("item_code_key").constraint())
                .isEqualTo("item_code_key");
        assertThat(PgConflict.onId().toString()).isEqualTo("on conflict (id) do update");
        assertThat(PgConflict.onColumns("code").doNothing().toString())
                .isEqualTo("on conflict (code) do nothing");
        assertThat(PgConflict.onConstraint("k").hashCode())
                .isEqualTo(PgConflict.onConstraint("k").hashCode());
        assertThat(PgConflict.onConstraint("k")).isNotEqualTo(PgConflict.onColumns("k"));
    }

    @Test
    void emptyNamesAreRefused() {
        assertThatThrownBy(() -> PgConflict.onColumns())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PgConflict.onColumns("code", " "))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PgConflict.onConstraint("bad\0name"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PgConflict.onConstraint("x".repeat(64)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PgConflict.onConstraint(""))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PgBulkResult(-1, 0, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
