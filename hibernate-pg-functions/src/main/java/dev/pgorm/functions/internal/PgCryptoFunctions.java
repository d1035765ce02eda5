package dev.pgorm.functions.internal;

import static dev.pgorm.functions.PgFunctions.CRYPT;
import static dev.pgorm.functions.PgFunctions.DIGEST;
import static dev.pgorm.functions.PgFunctions.GEN_RANDOM_UUID;
import static dev.pgorm.functions.PgFunctions.GEN_SALT;
import static dev.pgorm.functions.PgFunctions.HMAC;
import static dev.pgorm.functions.PgFunctions.PGP_SYM_DECRYPT;
import static dev.pgorm.functions.PgFunctions.PGP_SYM_ENCRYPT;
import static dev.pgorm.functions.internal.FunctionRegistrar.returns;

/**
 * pgcrypto's hashing, password and symmetric encryption functions, typed: hashes and ciphertexts
 * are {@code byte[]}, passwords and plaintexts {@code String}. They need pgcrypto, from whatever
 * schema it is installed in; {@code gen_random_uuid} is built into PostgreSQL 13 and later and
 * needs nothing.
 */
final class PgCryptoFunctions implements FunctionFamily {

    @Override
    public void register(FunctionRegistrar registrar) {
        FunctionRegistrar functions = registrar.needing("pgcrypto");
        FunctionTypes types = functions.types();
        // data stays uncast: digest and hmac take text or bytea
        functions.call(DIGEST, returns(types.bytes()), "(data, algorithm)", 2, null, "text");
        functions.call(
                HMAC, returns(types.bytes()), "(data, key, algorithm)", 3, null, null, "text");
        functions.call(CRYPT, returns(types.string()), "(password, salt)", 2, "text", "text");
        functions.call(
                GEN_SALT, returns(types.string()), "(type [, iterations])", 1, "text", "integer");
        functions.call(
                PGP_SYM_ENCRYPT,
                returns(types.bytes()),
                "(data, password [, options])",
                2,
                "text",
                "text",
                "text");
        functions.call(
                PGP_SYM_DECRYPT,
                returns(types.string()),
                "(message, password [, options])",
                2,
                "bytea",
                "text",
                "text");
        registrar.call(GEN_RANDOM_UUID, returns(types.uuid()), "()", 0);
    }
}
