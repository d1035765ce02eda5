package dev.pgorm.it.spring.clinic;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/** A PetClinic-like application with the starter on the classpath. */
@SpringBootConfiguration
@EnableAutoConfiguration
class ClinicApp {}
