package dev.pgorm.functions.internal;

import dev.pgorm.core.internal.PgDialectGuard;
import dev.pgorm.core.internal.PgSettingsReader;
import java.util.List;
import org.hibernate.boot.model.FunctionContributions;
import org.hibernate.boot.model.FunctionContributor;

/**
 * Registers the HQL functions of {@link dev.pgorm.functions.PgFunctions} when the dialect is
 * PostgreSQL and {@code pgorm.functions.enabled} is on, one {@link FunctionFamily} at a time. It
 * keeps no state: Hibernate loads one instance and may boot several times with it, and each boot
 * gets its own {@link InstalledExtensions}.
 */
public final class PgFunctionsContributor implements FunctionContributor {

    /** Creates the contributor; Hibernate does this through the service loader. */
    public PgFunctionsContributor() {}

    @Override
    public void contributeFunctions(FunctionContributions contributions) {
        if (!PgDialectGuard.isPostgreSQL(contributions.getDialect())
                || !PgSettingsReader.of(contributions.getServiceRegistry())
                        .isModuleEnabled("functions")) {
            return;
        }
        FunctionRegistrar functions =
                new FunctionRegistrar(
                        contributions.getFunctionRegistry(),
                        FunctionTypes.of(contributions.getTypeConfiguration()),
                        new InstalledExtensions());
        List<FunctionFamily> families =
                List.of(
                        new FullTextFunctions(),
                        new JsonbFunctions(),
                        new RangeFunctions(),
                        new TrigramFunctions(),
                        new VectorFunctions(),
                        new AdvisoryLockFunctions(),
                        new PgCryptoFunctions(),
                        new LtreeFunctions(),
                        new HstoreFunctions());
        for (FunctionFamily family : families) {
            family.register(functions);
        }
    }

    @Override
    public int ordinal() {
        return 600;
    }
}
