package dev.pgorm.ddl.encryption.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EncryptedBinderTest {

    @Test
    void keyReadsTheSettingAndNamesItWhenMissing() {
        assertThat(EncryptedBinder.key("app.crypto_key"))
                .isEqualTo(
                        """
                        coalesce(nullif(current_setting('app.crypto_key', true), ''), \
                        current_setting('app.crypto_key (not set in this transaction; see @PgEncrypted)'))""");
    }
}
