package dev.pgorm.functions.internal;

import org.hibernate.query.sqm.function.SqmFunctionRegistry;
import org.hibernate.query.sqm.produce.function.ArgumentTypesValidator;
import org.hibernate.query.sqm.produce.function.ArgumentsValidator;
import org.hibernate.query.sqm.produce.function.FunctionArgumentTypeResolver;
import org.hibernate.query.sqm.produce.function.FunctionParameterType;
import org.hibernate.query.sqm.produce.function.FunctionReturnTypeResolver;
import org.hibernate.query.sqm.produce.function.StandardArgumentsValidators;
import org.hibernate.query.sqm.produce.function.StandardFunctionReturnTypeResolvers;
import org.hibernate.type.BasicType;

/**
 * Puts {@link PgFunctionDescriptor}s into one boot's function registry; the function families share
 * it, so that each family states only its names, signatures and SQL.
 */
final class FunctionRegistrar {

    private final SqmFunctionRegistry registry;
    private final FunctionTypes types;
    private final InstalledExtensions installed;
    private final String extension;

    FunctionRegistrar(
            SqmFunctionRegistry registry, FunctionTypes types, InstalledExtensions installed) {
        this(registry, types, installed, null);
    }

    private FunctionRegistrar(
            SqmFunctionRegistry registry,
            FunctionTypes types,
            InstalledExtensions installed,
            String extension) {
        this.registry = registry;
        this.types = types;
        this.installed = installed;
        this.extension = extension;
    }

    /** Returns the result types of this boot. */
    FunctionTypes types() {
        return types;
    }

    /**
     * Returns a registrar whose functions need {@code extension}: they fail to render while it is
     * not installed, and are qualified with its schema when that is not on the search path.
     */
    FunctionRegistrar needing(String extension) {
        return new FunctionRegistrar(registry, types, installed, extension);
    }

    /** Registers one function. */
    void register(
            String name,
            ArgumentsValidator validator,
            FunctionReturnTypeResolver returnType,
            FunctionArgumentTypeResolver argumentTypes,
            String signature,
            PgFunctionDescriptor.Renderer renderer) {
        registry.register(
                name,
                new PgFunctionDescriptor(
                        name,
                        validator,
                        returnType,
                        argumentTypes,
                        signature,
                        renderer,
                        extension,
                        installed));
    }

    /** Registers {@code name(a, b)} rendering {@code (a op b)}. */
    void operator(
            String name,
            String op,
            BasicType<?> result,
            FunctionArgumentTypeResolver argumentTypes,
            String signature,
            FunctionParameterType... parameterTypes) {
        register(
                name,
                count(2, 2, parameterTypes),
                returns(result),
                argumentTypes,
                signature,
                (out, args) ->
                        out.sql("(")
                                .arg(args.get(0))
                                .sql(" " + op + " ")
                                .arg(args.get(1))
                                .sql(")"));
    }

    /**
     * Registers {@code name(a, b ...)} rendering the SQL function of the same name with each
     * argument cast to its type in {@code argTypes} (null leaves the argument as it is); the last
     * {@code argTypes.length - min} arguments are optional.
     */
    void call(
            String name,
            FunctionReturnTypeResolver returnType,
            String signature,
            int min,
            String... argTypes) {
        register(
                name,
                count(min, argTypes.length),
                returnType,
                null,
                signature,
                (out, args) -> {
                    out.function(name);
                    for (int i = 0; i < args.size(); i++) {
                        if (i > 0) {
                            out.sql(", ");
                        }
                        if (argTypes[i] == null) {
                            out.arg(args.get(i));
                        } else {
                            out.cast(args.get(i), argTypes[i]);
                        }
                    }
                    out.sql(")");
                });
    }

    /**
     * Registers {@code name(a, b)} rendering {@code (cast(a as left) op cast(b as right))}:
     * PostgreSQL drops a cast to the type a column already has, so an index on it still serves the
     * operator, and a text parameter becomes the extension's type.
     */
    void castOperator(
            String name,
            String op,
            String left,
            String right,
            BasicType<?> result,
            String signature) {
        castOperator(name, op, left, right, result, null, signature);
    }

    /**
     * Registers {@code name(a, b)} rendering {@code (cast(a as left) op cast(b as right))}, with
     * {@code argumentTypes} inferring the type of a parameter argument (null infers none).
     */
    void castOperator(
            String name,
            String op,
            String left,
            String right,
            BasicType<?> result,
            FunctionArgumentTypeResolver argumentTypes,
            String signature) {
        register(
                name,
                count(2, 2),
                returns(result),
                argumentTypes,
                signature,
                (out, args) ->
                        out.sql("(")
                                .cast(args.get(0), left)
                                .sql(" " + op + " ")
                                .cast(args.get(1), right)
                                .sql(")"));
    }

    /** Accepts {@code min} to {@code max} arguments, of the given types when any are given. */
    static ArgumentsValidator count(int min, int max, FunctionParameterType... parameterTypes) {
        ArgumentsValidator count =
                min == max
                        ? StandardArgumentsValidators.exactly(min)
                        : StandardArgumentsValidators.between(min, max);
        return parameterTypes.length == 0
                ? count
                : new ArgumentTypesValidator(count, parameterTypes);
    }

    /** Always returns {@code type}. */
    static FunctionReturnTypeResolver returns(BasicType<?> type) {
        return StandardFunctionReturnTypeResolvers.invariant(type);
    }
}
