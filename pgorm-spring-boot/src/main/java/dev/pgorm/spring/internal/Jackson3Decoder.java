package dev.pgorm.spring.internal;

import java.lang.reflect.Type;
import org.springframework.beans.factory.BeanFactory;
import tools.jackson.databind.ObjectMapper;

/** Decodes payloads with the application's Jackson 3 mapper; loaded only when Jackson 3 is. */
final class Jackson3Decoder implements PayloadDecoder {

    private final ObjectMapper mapper;

    private Jackson3Decoder(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    static PayloadDecoder from(BeanFactory beans) {
        ObjectMapper mapper = beans.getBeanProvider(ObjectMapper.class).getIfUnique();
        return mapper == null ? null : new Jackson3Decoder(mapper);
    }

    @Override
    public Object decode(String payload, Type type) {
        return mapper.readValue(payload, mapper.constructType(type));
    }
}
