package dev.pgorm.demo.spring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The Spring Boot demo: {@code mvn -pl examples/spring-boot-demo spring-boot:run}. */
@SpringBootApplication
public class DemoApplication {

    /**
     * Starts the application.
     *
     * @param args command-line arguments, passed to Spring Boot
     */
    public static void main(String[] args) {
        SpringApplication.run(DemoApplication.class, args);
    }
}
