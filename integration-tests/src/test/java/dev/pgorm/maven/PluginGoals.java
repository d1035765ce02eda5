package dev.pgorm.maven;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.AbstractMojo;

/**
 * Makes the plugin's goals configured as Maven would from a project, through their package-private
 * setters, so that tests in other packages can run them without a Maven runtime.
 */
public final class PluginGoals {

    /**
     * What Maven would inject from the project and the plugin configuration.
     *
     * @param classes the project's output directory
     * @param classpath the runtime class path elements, output directory included
     * @param migrations the migration folder
     * @param packages packages to scan, or empty
     * @param persistenceUnit a persistence unit, or null
     * @param properties extra Hibernate settings
     * @param scratch URL, user and password of the scratch server, or three nulls
     */
    public record Project(
            Path classes,
            List<String> classpath,
            Path migrations,
            List<String> packages,
            String persistenceUnit,
            Map<String, String> properties,
            List<String> scratch) {}

    private PluginGoals() {}

    /** Returns {@code pgorm:diff} configured for the project. */
    public static AbstractMojo diff(Project project, String description, String allowHazards) {
        DiffMojo mojo = configure(new DiffMojo(), project);
        mojo.setDescription(description);
        mojo.setAllowHazards(allowHazards);
        return mojo;
    }

    /** Returns {@code pgorm:verify} configured for the project. */
    public static AbstractMojo verify(Project project) {
        return configure(new VerifyMojo(), project);
    }

    private static <M extends MigrationMojoSupport> M configure(M mojo, Project p) {
        mojo.setOutputDirectory(p.classes().toFile());
        mojo.setClasspathElements(p.classpath());
        mojo.setMigrations(p.migrations().toFile());
        mojo.setPackages(p.packages());
        mojo.setPersistenceUnit(p.persistenceUnit());
        mojo.setProperties(p.properties());
        mojo.setScratch(p.scratch().get(0), p.scratch().get(1), p.scratch().get(2));
        return mojo;
    }
}
