package dev.pgorm.demo.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.pgorm.testing.internal.PgServer;
import dev.pgorm.testing.internal.ServerLocator;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;

/** The demo's API against PostgreSQL, as the unprivileged test role, in a database of its own. */
@SpringBootTest(properties = "spring.jpa.hibernate.ddl-auto=create-drop")
@AutoConfigureMockMvc
class DemoApplicationIT {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws SQLException {
        PgServer server = ServerLocator.server();
        String name = "pgorm_spring_demo_it";
        try (Connection c = server.connect();
                Statement s = c.createStatement()) {
            s.execute("drop database if exists " + name + " with (force)");
            s.execute("create database " + name);
        }
        String url = PgServer.withDatabase(server.url(), name);
        try (Connection c = PgServer.connect(url, server.user(), server.password());
                Statement s = c.createStatement()) {
            s.execute("grant create, usage on schema public to " + server.appUser());
        }
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", server::appUser);
        registry.add("spring.datasource.password", () -> server.appPassword());
    }

    @Autowired MockMvc mvc;
    @Autowired OrderChanges changes;

    private String call(RequestBuilder request) throws Exception {
        var response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
        return response.getContentAsString();
    }

    private String create(String user, String json) throws Exception {
        return call(
                post("/api/orders")
                        .with(httpBasic(user, user))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json));
    }

    @Test
    void ordersSearchImportAndChangesPerUser() throws Exception {
        create("alice", "{\"description\":\"red running shoes\",\"attrs\":{\"size\":42}}");
        create("bob", "{\"description\":\"a red hat\",\"attrs\":{}}");

        String found = call(get("/api/orders/search?q=red").with(httpBasic("alice", "alice")));
        assertThat(found).contains("red running shoes").contains("\"size\":42");
        assertThat(found).doesNotContain("red hat");

        String imported =
                call(
                        post("/api/orders/import")
                                .with(httpBasic("alice", "alice"))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(
                                        "[{\"description\":\"blue socks\"},"
                                                + "{\"description\":\"green socks\"}]"));
        assertThat(imported).isEqualTo("{\"inserted\":2}");
        assertThat(call(get("/api/orders").with(httpBasic("alice", "alice"))))
                .contains("blue socks", "green socks", "red running shoes")
                .doesNotContain("red hat");
        assertThat(call(get("/api/orders/search?q=socks").with(httpBasic("bob", "bob"))))
                .isEqualTo("[]");

        long deadline = System.nanoTime() + 10_000_000_000L;
        while (changes.recent().size() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        // alice's and bob's orders (a channel is not row-secured); COPY sends no entity events
        assertThat(changes.recent())
                .extracting(OrderChanges.Change::op)
                .containsExactly("INSERT", "INSERT");
    }
}
