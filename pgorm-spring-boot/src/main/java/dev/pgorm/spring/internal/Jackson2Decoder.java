package dev.pgorm.spring.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.Type;
import org.springframework.beans.factory.BeanFactory;

/** Decodes payloads with the application's Jackson 2 mapper; loaded only when Jackson 2 is. */
final class Jackson2Decoder implements PayloadDecoder {

    private final ObjectMapper mapper;

    private Jackson2Decoder(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    static PayloadDecoder from(BeanFactory beans) {
        ObjectMapper mapper = beans.getBeanProvider(ObjectMapper.class).getIfUnique();
        return mapper == null ? null : new Jackson2Decoder(mapper);
    }

    @Override
    public Object decode(String payload, Type type) {
        try {
            return mapper.readValue(payload, mapper.constructType(type));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "payload is not JSON of type " + type + ": " + e.getOriginalMessage(), e);
        }
    }
}
