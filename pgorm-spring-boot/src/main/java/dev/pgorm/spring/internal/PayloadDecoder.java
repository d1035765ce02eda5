package dev.pgorm.spring.internal;

import dev.pgorm.notify.PgNotification;
import java.lang.reflect.Type;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.core.ResolvableType;
import org.springframework.util.ClassUtils;

/**
 * Decodes a JSON payload into a {@code @PgListen} method's parameter type with the application's
 * Jackson mapper: Jackson 3's (Spring Boot 4's default) when there is one bean of it, else Jackson
 * 2's, else the notify module's own.
 */
@FunctionalInterface
interface PayloadDecoder {

    /** Returns the payload decoded into {@code type}; throws when it is not JSON of that shape. */
    Object decode(String payload, Type type);

    static PayloadDecoder from(BeanFactory beans) {
        ClassLoader loader = PayloadDecoder.class.getClassLoader();
        if (ClassUtils.isPresent("tools.jackson.databind.ObjectMapper", loader)) {
            PayloadDecoder jackson3 = Jackson3Decoder.from(beans);
            if (jackson3 != null) {
                return jackson3;
            }
        }
        if (ClassUtils.isPresent("com.fasterxml.jackson.databind.ObjectMapper", loader)) {
            PayloadDecoder jackson2 = Jackson2Decoder.from(beans);
            if (jackson2 != null) {
                return jackson2;
            }
        }
        return (payload, type) ->
                new PgNotification("", payload, 0)
                        .payloadAs(ResolvableType.forType(type).resolve());
    }
}
