package dev.pgorm.types.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import org.hibernate.type.descriptor.java.SerializableJavaType;
import org.hibernate.type.descriptor.java.StringJavaType;
import org.hibernate.type.descriptor.java.spi.UnknownBasicJavaType;
import org.junit.jupiter.api.Test;

@SuppressWarnings({"rawtypes", "unchecked"}) // a raw Map, as Hibernate resolves the attribute
class PgHstoreJavaTypeTest {

    private final PgHstoreJavaType<Map> hstore =
            new PgHstoreJavaType<>(new UnknownBasicJavaType<>(Map.class));

    @Test
    void widensWhatHibernateGivesAMapParameterButNotText() {
        assertThat(hstore.isWider(new SerializableJavaType<>(Serializable.class))).isTrue();
        assertThat(hstore.isWider(new UnknownBasicJavaType<>(HashMap.class))).isTrue();
        assertThat(hstore.isWider(StringJavaType.INSTANCE)).isFalse();
    }

    @Test
    void keepsAMapAndRefusesAnythingElseNamingIt() {
        Map<String, String> map = Map.of("color", "red");
        assertThat(hstore.wrap(map, null)).isSameAs(map);
        assertThat(hstore.unwrap(map, Map.class, null)).isSameAs(map);
        assertThat(hstore.wrap(null, null)).isNull();
        assertThatThrownBy(() -> hstore.wrap(42L, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be a Map<String, String>")
                .hasMessageContaining("java.lang.Long: 42");
    }
}
