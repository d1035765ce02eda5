package dev.pgorm.it.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pgorm.testing.PgTest;
import dev.pgorm.testing.PgTestDatabase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** pgcrypto in HQL: hashes equal Java's, passwords verify, ciphertexts round-trip, typed. */
@PgTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PgCryptoFunctionsIT {

    @Entity(name = "Account")
    @Table(name = "account")
    static class Account {
        @Id Long id;
        String login;
        String passwordHash;
        byte[] secret;
        UUID token;
    }

    private SessionFactory sf;

    /** Each test skips, by name, where the run declared pgcrypto absent. */
    @BeforeEach
    void needsPgcrypto(PgTestDatabase db) {
        db.requireExtension("pgcrypto");
    }

    @BeforeAll
    void load(PgTestDatabase db) {
        if (!db.hasExtensions("pgcrypto")) {
            return; // no fixture: each test then skips, by name, in needsPgcrypto
        }
        db.requireExtension("pgcrypto");
        sf = db.entityManagerFactory(Account.class);
        db.execute("insert into account (id, login) values (1, 'abc'), (2, 'alice'), (3, 'bob')");
    }

    private static byte[] sha256(String text) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void digestAndHmacEqualJavas() throws Exception {
        // tag::digest[]
        byte[] hash =
                sf.fromTransaction(
                        s ->
                                s.createSelectionQuery(
                                                "select digest(a.login, 'sha256') from Account a where a.id = 1",
                                                byte[].class)
                                        .getSingleResult());
        // end::digest[]
        assertThat(hash).isEqualTo(sha256("abc"));
        byte[] md5 =
                sf.fromTransaction(
                        s ->
                                s.createSelectionQuery("select digest(:t, 'md5')", byte[].class)
                                        .setParameter("t", "alice")
                                        .getSingleResult());
        assertThat(md5)
                .isEqualTo(
                        MessageDigest.getInstance("MD5")
                                .digest("alice".getBytes(StandardCharsets.UTF_8)));

        // a typed byte[] parameter compared with the hash in where
        byte[] bob = sha256("bob");
        List<String> logins =
                sf.fromTransaction(
                        s ->
                                s.createSelectionQuery(
                                                "select a.login from Account a where digest(a.login, 'sha256') = :h",
                                                String.class)
                                        .setParameter("h", bob)
                                        .getResultList());
        assertThat(logins).containsExactly("bob");

        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("k3y".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] expected = mac.doFinal("alice".getBytes(StandardCharsets.UTF_8));
        byte[] hmac =
                sf.fromTransaction(
                        s ->
                                s.createSelectionQuery(
                                                "select hmac(a.login, :k, 'sha256') from Account a where a.id = 2",
                                                byte[].class)
                                        .setParameter("k", "k3y")
                                        .getSingleResult());
        assertThat(hmac).isEqualTo(expected);
    }

    @Test
    void cryptAndGenSaltVerifyAPassword(PgTestDatabase db) {
        // tag::crypt[]
        sf.inTransaction(
                s ->
                        s.createMutationQuery(
                                        "update Account a set a.passwordHash = crypt(:pw, gen_salt('bf', 6)) where a.id = 2")
                                .setParameter("pw", "correct horse")
                                .executeUpdate());
        String verify =
                "select count(a) from Account a"
                        + " where a.login = :login and a.passwordHash = crypt(:pw, a.passwordHash)";
        // end::crypt[]
        String hash =
                db.sql().query("select passwordhash from account where id = 2").stream()
                        .map(r -> (String) r.get("passwordhash"))
                        .findFirst()
                        .orElseThrow();
        assertThat(hash).startsWith("$2a$06$").hasSize(60).doesNotContain("correct horse");
        for (var attempt : List.of(List.of("correct horse", 1L), List.of("wrong horse", 0L))) {
            long found =
                    sf.fromTransaction(
                            s ->
                                    s.createSelectionQuery(verify, Long.class)
                                            .setParameter("login", "alice")
                                            .setParameter("pw", attempt.get(0))
                                            .getSingleResult());
            assertThat(found).as((String) attempt.get(0)).isEqualTo(attempt.get(1));
        }
        String salt =
                sf.fromTransaction(
                        s ->
                                s.createSelectionQuery("select gen_salt('md5')", String.class)
                                        .getSingleResult());
        assertThat(salt).startsWith("$1$").hasSize(11);
    }

    @Test
    void symmetricEncryptionRoundTrips(PgTestDatabase db) {
        // tag::pgp[]
        sf.inTransaction(
                s ->
                        s.createMutationQuery(
                                        "update Account a set a.secret = pgp_sym_encrypt(:text, :key) where a.id = 3")
                                .setParameter("text", "bob's secret")
                                .setParameter("key", "s3cret-key")
                                .executeUpdate());
        String plain =
                sf.fromTransaction(
                        s ->
                                s.createSelectionQuery(
                                                "select pgp_sym_decrypt(a.secret, :key) from Account a where a.id = 3",
                                                String.class)
                                        .setParameter("key", "s3cret-key")
                                        .getSingleResult());
        // end::pgp[]
        assertThat(plain).isEqualTo("bob's secret");
        byte[] stored =
                sf.fromTransaction(
                        s ->
                                s.createSelectionQuery(
                                                "select a.secret from Account a where a.id = 3",
                                                byte[].class)
                                        .getSingleResult());
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("secret");

        // the decrypted value in where, and a wrong key
        List<Long> ids =
                sf.fromTransaction(
                        s ->
                                s.createSelectionQuery(
                                                "select a.id from Account a where pgp_sym_decrypt(a.secret, :key) = :text",
                                                Long.class)
                                        .setParameter("key", "s3cret-key")
                                        .setParameter("text", "bob's secret")
                                        .getResultList());
        assertThat(ids).containsExactly(3L);
        assertThatThrownBy(
                        () ->
                                sf.inTransaction(
                                        s ->
                                                s.createSelectionQuery(
                                                                "select pgp_sym_decrypt(a.secret, :key) from Account a where a.id = 3",
                                                                String.class)
                                                        .setParameter("key", "other-key")
                                                        .getSingleResult()))
                .hasStackTraceContaining("Wrong key or corrupt data");

        String viaOptions =
                sf.fromTransaction(
                        s ->
                                s.createSelectionQuery(
                                                "select pgp_sym_decrypt(pgp_sym_encrypt(:t, :k, 'cipher-algo=aes256'), :k)",
                                                String.class)
                                        .setParameter("t", "with options")
                                        .setParameter("k", "k")
                                        .getSingleResult());
        assertThat(viaOptions).isEqualTo("with options");
    }

    @Test
    void genRandomUuidIsAVersion4Uuid() {
        // tag::uuid[]
        sf.inTransaction(
                s ->
                        s.createMutationQuery("update Account a set a.token = gen_random_uuid()")
                                .executeUpdate());
        List<UUID> tokens =
                sf.fromTransaction(
                        s ->
                                s.createSelectionQuery(
                                                "select a.token from Account a order by a.id",
                                                UUID.class)
                                        .getResultList());
        // end::uuid[]
        assertThat(tokens).hasSize(3).doesNotHaveDuplicates().allMatch(u -> u.version() == 4);
        UUID selected =
                sf.fromTransaction(
                        s ->
                                s.createSelectionQuery("select gen_random_uuid()", UUID.class)
                                        .getSingleResult());
        assertThat(selected.version()).isEqualTo(4);
        assertThat(tokens).doesNotContain(selected);
    }
}
