package dev.pgorm.it.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pgorm.it.migrate.SampleProject;
import dev.pgorm.maven.PluginGoals;
import dev.pgorm.testing.PgTest;
import dev.pgorm.testing.PgTestDatabase;
import jakarta.persistence.Entity;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pgorm:diff} and {@code pgorm:verify} run on the sample project (compiled into a temporary
 * folder, loaded by the goals' own class loader), with their success and failure output.
 */
@PgTest
class MigrationPluginIT {

    @TempDir Path dir;

    private SampleProject project;
    private PgTestDatabase db;
    private final List<String> log = new ArrayList<>();

    @BeforeEach
    void copySampleProject(PgTestDatabase db) {
        this.db = db;
        project = SampleProject.copyTo(dir);
    }

    @Test
    void diffWritesTheNextMigrationAndVerifyPassesAfterwards() throws Exception {
        run(PluginGoals.diff(sample(null), "create shop", null));
        assertThat(project.migrationFiles())
                .isNotEmpty()
                .allMatch(f -> f.startsWith("V1") && f.contains("__create_shop"));
        assertThat(project.migrationText())
                .contains("CREATE TABLE")
                .contains("customer")
                .contains("purchase");
        List<String> written = project.migrationFiles();

        run(PluginGoals.verify(sample(null)));
        assertThat(log).anyMatch(line -> line.contains("agree"));

        run(PluginGoals.diff(sample(null), "again", null));
        assertThat(log).anyMatch(l -> l.contains("schema matches the migrations, nothing written"));
        assertThat(project.migrationFiles()).isEqualTo(written);
    }

    @Test
    void verifyFailsWithTheNeededStatementsWhenAnEntityChanged() throws Exception {
        run(PluginGoals.diff(sample(null), "create_shop", null));
        project.addToCustomer("String email;");

        // tag::drift[]
        assertThatThrownBy(() -> run(PluginGoals.verify(sample(null))))
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("the entities and the migrations disagree")
                .hasMessageContaining("ADD COLUMN")
                .hasMessageContaining("email")
                .hasMessageContaining("pgorm:diff");
        // end::drift[]

        run(PluginGoals.diff(sample(null), "add_email", null));
        assertThat(project.migrationFiles()).anyMatch(f -> f.contains("__add_email"));
        run(PluginGoals.verify(sample(null)));
    }

    @Test
    void diffFailsWithTheHazardReportWhenAHazardIsNotAllowed() throws Exception {
        run(PluginGoals.diff(sample(null), "create_shop", null));
        project.editCustomer(
                "@Table(name = \"customer\")",
                "@Table(name = \"customer\", indexes = @jakarta.persistence.Index(columnList ="
                        + " \"name\"))");

        assertThatThrownBy(() -> run(PluginGoals.diff(sample(null), "index_name", null)))
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("hazards that were not allowed [INDEX_BUILD]")
                .hasMessageContaining("CREATE INDEX CONCURRENTLY")
                .hasMessageContaining("-Dpgorm.allowHazards=");
        assertThat(project.migrationFiles()).noneMatch(f -> f.contains("__index_name"));

        run(PluginGoals.diff(sample(null), "index_name", "INDEX_BUILD"));
        assertThat(project.migrationFiles())
                .anyMatch(f -> f.contains("__index_name") && f.endsWith(".sql.conf"));
        run(PluginGoals.verify(sample(null)));
    }

    @Test
    void takesTheEntitiesFromAPersistenceUnit() throws Exception {
        run(PluginGoals.diff(sample("shop"), "create_shop", null));
        run(PluginGoals.verify(sample("shop")));
        run(PluginGoals.verify(sample(null)));
        project.addToCustomer("String email;");
        assertThatThrownBy(() -> run(PluginGoals.verify(sample("shop"))))
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("email");
    }

    @Test
    void configurationErrorsSayWhatToDo() {
        assertThatThrownBy(() -> run(PluginGoals.diff(sample(null), null, null)))
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("-Dpgorm.description=");
        assertThatThrownBy(() -> run(PluginGoals.diff(sample(null), "x", "INDEX_BUILD,NOPE")))
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("unknown hazard NOPE");
        PluginGoals.Project nowhere =
                new PluginGoals.Project(
                        project.classes(),
                        List.of(),
                        project.migrations(),
                        List.of("no.such.pkg"),
                        null,
                        Map.of(),
                        Arrays.asList(db.jdbcUrl(), db.user(), db.password()));
        assertThatThrownBy(() -> run(PluginGoals.verify(nowhere)))
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("no @Entity class")
                .hasMessageContaining("no.such.pkg");
    }

    /** The sample project as Maven would describe it, scanning {@code sample.shop} or a unit. */
    private PluginGoals.Project sample(String persistenceUnit) {
        return new PluginGoals.Project(
                project.classes(),
                List.of(project.classes().toString(), jarOf(Entity.class)),
                project.migrations(),
                persistenceUnit == null ? List.of("sample.shop") : List.of(),
                persistenceUnit,
                Map.of(),
                Arrays.asList(db.jdbcUrl(), db.user(), db.password()));
    }

    private void run(AbstractMojo goal) throws Exception {
        goal.setLog(
                new SystemStreamLog() {
                    @Override
                    public void info(CharSequence content) {
                        log.add(content.toString());
                        super.info(content);
                    }
                });
        goal.execute();
    }

    private static String jarOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
