package dev.pgorm.spring.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.Type;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.core.ParameterizedTypeReference;
import tools.jackson.databind.json.JsonMapper;

class PayloadDecoderTest {

    record Order(long id, String status) {}

    private static final Type ORDERS = new ParameterizedTypeReference<List<Order>>() {}.getType();

    @Test
    void theApplicationsJackson3MapperComesFirst() {
        DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
        beans.registerSingleton("jsonMapper", JsonMapper.builder().build());
        beans.registerSingleton("objectMapper", new ObjectMapper());
        PayloadDecoder decoder = PayloadDecoder.from(beans);
        assertThat(decoder).isInstanceOf(Jackson3Decoder.class);
        assertThat(decoder.decode("[{\"id\":1,\"status\":\"paid\"}]", ORDERS))
                .isEqualTo(List.of(new Order(1, "paid")));
    }

    @Test
    void aJackson2MapperIsUsedWhenThereIsNoJackson3One() {
        DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
        beans.registerSingleton("objectMapper", new ObjectMapper());
        PayloadDecoder decoder = PayloadDecoder.from(beans);
        assertThat(decoder).isInstanceOf(Jackson2Decoder.class);
        assertThat(decoder.decode("{\"id\":2,\"status\":\"new\"}", Order.class))
                .isEqualTo(new Order(2, "new"));
        assertThatThrownBy(() -> decoder.decode("not json", Order.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Order");
    }

    @Test
    void withoutAMapperBeanTheNotifyModulesJsonDecodes() {
        PayloadDecoder decoder = PayloadDecoder.from(new DefaultListableBeanFactory());
        assertThat(decoder)
                .isNotInstanceOf(Jackson2Decoder.class)
                .isNotInstanceOf(Jackson3Decoder.class);
        assertThat(decoder.decode("{\"id\":3,\"status\":\"old\"}", Order.class))
                .isEqualTo(new Order(3, "old"));
    }
}
