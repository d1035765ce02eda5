package dev.pgorm.it.spring.rls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import dev.pgorm.it.spring.SpringTestDatabase;
import java.util.List;
import org.hibernate.context.spi.CurrentTenantIdentifierResolver;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * HTTP requests with basic authentication, as the unprivileged role: the user Spring Security
 * authenticated for the request is the setting the policy reads, so Alice never sees Bob's rows.
 */
@SpringBootTest(
        properties = {
            "spring.jpa.hibernate.ddl-auto=create-drop",
            "pgorm.rls.security.setting=app.user_name"
        })
@AutoConfigureMockMvc
@DirtiesContext
class RlsOverHttpIT {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        SpringTestDatabase.registerAsAppRole(registry, "pgorm_spring_http_it");
    }

    @RestController
    static class Notes {
        private final NoteRepository notes;

        Notes(NoteRepository notes) {
            this.notes = notes;
        }

        @GetMapping("/notes")
        List<String> texts() {
            return notes.findAll().stream().map(n -> n.text).sorted().toList();
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
        /** The package's {@code @TenantId} entity needs a tenant; this test does not use it. */
        @Bean
        CurrentTenantIdentifierResolver<String> tenantResolver() {
            return new CurrentTenantIdentifierResolver<>() {
                @Override
                public String resolveCurrentTenantIdentifier() {
                    return "none";
                }

                @Override
                public boolean validateExistingCurrentSessions() {
                    return false;
                }
            };
        }

        @Bean
        Notes notes(NoteRepository notes) {
            return new Notes(notes);
        }

        @Bean
        UserDetailsService users() {
            return new InMemoryUserDetailsManager(
                    User.withUsername("alice").password("{noop}a").roles("USER").build(),
                    User.withUsername("bob").password("{noop}b").roles("USER").build());
        }
    }

    @Autowired MockMvc mvc;
    @Autowired NoteRepository notes;

    private void saveAs(String user, String... texts) {
        SecurityContextHolder.getContext()
                .setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(user, null, List.of()));
        try {
            for (String text : texts) {
                notes.save(new Note(user, text));
            }
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private String body(String user, String password) throws Exception {
        return mvc.perform(get("/notes").with(httpBasic(user, password)))
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    @Test
    void eachUserSeesOnlyHerOwnRows() throws Exception {
        saveAs("alice", "a1", "a2");
        saveAs("bob", "b1");

        assertThat(body("alice", "a")).isEqualTo("[\"a1\",\"a2\"]");
        assertThat(body("bob", "b")).isEqualTo("[\"b1\"]");
        assertThat(mvc.perform(get("/notes")).andReturn().getResponse().getStatus()).isEqualTo(401);
    }
}
