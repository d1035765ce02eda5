package dev.pgorm.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Rules about the published modules that a reader of the guide relies on, checked over their
 * sources: every {@code pgorm.*} setting is read by code and spelled in Hibernate's underscore
 * style, no two public types of the published modules share a simple name, and JDBC objects are
 * wrapped by one helper only.
 */
class RepositoryRulesTest {

    private static final Pattern SETTING =
            Pattern.compile("public static final String (\\w+) = \"(pgorm\\.[^\"]*)\";");
    private static final Pattern MODULE_SWITCH = Pattern.compile("^pgorm\\.(\\w+)\\.enabled$");
    private static final Pattern PUBLIC_TYPE =
            Pattern.compile(
                    "(?m)^public (?:final |abstract |sealed )*(?:class|interface|@interface|enum|record) (\\w+)");

    private final Path repoDir = Path.of(System.getProperty("pgorm.repo.dir", "..")).normalize();

    @Test
    void everySettingIsReadByCodeAndUsesUnderscores() {
        List<Path> mainSources = mainSources();
        Map<String, String> settings = new TreeMap<>();
        for (Path file : mainSources) {
            if (!file.getFileName().toString().endsWith("Settings.java")) {
                continue;
            }
            String owner = file.getFileName().toString().replace(".java", "");
            Matcher m = SETTING.matcher(read(file));
            while (m.find()) {
                if (!m.group(2).endsWith(".")) { // PgOrmSettings.PREFIX is not a key
                    settings.put(owner + "." + m.group(1), m.group(2));
                }
            }
        }
        assertThat(settings).as("pgorm.* constants found").hasSizeGreaterThan(10);

        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, String> setting : settings.entrySet()) {
            String key = setting.getValue();
            if (key.contains("-")) {
                problems.add(setting.getKey() + " = " + key + " uses '-' instead of '_'");
            }
            String reference = setting.getKey();
            Matcher moduleSwitch = MODULE_SWITCH.matcher(key);
            String switchCall =
                    moduleSwitch.matches()
                            ? "isModuleEnabled(\"" + moduleSwitch.group(1) + "\")"
                            : null;
            boolean read =
                    mainSources.stream()
                            .filter(f -> !f.getFileName().toString().endsWith("Settings.java"))
                            .map(RepositoryRulesTest::read)
                            .anyMatch(
                                    text ->
                                            text.contains(reference)
                                                    || (switchCall != null
                                                            && text.contains(switchCall)));
            if (!read) {
                problems.add(setting.getKey() + " = " + key + " is declared but no code reads it");
            }
        }
        assertThat(problems).as("settings " + settings.values()).isEmpty();
    }

    @Test
    void publicTypesHaveDistinctNames() {
        Map<String, List<String>> byName =
                mainSources().stream()
                        .filter(f -> !f.toString().contains("/internal/"))
                        .filter(f -> isPublished(f))
                        .flatMap(
                                f -> {
                                    Matcher m = PUBLIC_TYPE.matcher(read(f));
                                    List<String> names = new ArrayList<>();
                                    while (m.find()) {
                                        names.add(m.group(1) + " in " + repoDir.relativize(f));
                                    }
                                    return names.stream();
                                })
                        .collect(
                                Collectors.groupingBy(
                                        s -> s.substring(0, s.indexOf(' ')),
                                        TreeMap::new,
                                        Collectors.toList()));
        assertThat(byName).as("public types of the published modules").hasSizeGreaterThan(40);
        assertThat(byName.values().stream().filter(l -> l.size() > 1).toList())
                .as("public types that share a simple name")
                .isEmpty();
    }

    @Test
    void modulesUseEachOthersSpiNotTheirInternals() {
        Pattern internalImport =
                Pattern.compile("(?m)^import dev\\.pgorm\\.(\\w+)\\.[\\w.]*internal\\.");
        List<String> crossing = new ArrayList<>();
        for (Path file : mainSources()) {
            String path = repoDir.relativize(file).toString();
            if (!path.startsWith("hibernate-pg-")) {
                continue;
            }
            String module = path.substring("hibernate-pg-".length(), path.indexOf('/'));
            Matcher m = internalImport.matcher(read(file));
            while (m.find()) {
                String used = m.group(1);
                if (!used.equals("core")
                        && !used.equals(module)
                        && !module.equals("test-support")) {
                    crossing.add(path + " imports dev.pgorm." + used + ".*.internal");
                }
            }
        }
        assertThat(crossing)
                .as("only core's internals are shared; other modules offer an spi package")
                .isEmpty();
    }

    @Test
    void classNamesAreImportedNotWrittenOutInline() {
        Pattern inline =
                Pattern.compile(
                        "(?<![\\w.\"])(?:java|javax|jakarta|org|com|dev)\\.[a-z]+(?:\\.[a-z]\\w*)*\\.[A-Z]\\w*");
        // a simple name taken by another import in the same file
        List<String> allowed = List.of("CopyValues.java: java.lang.reflect.Array");
        List<String> found = new ArrayList<>();
        for (Path file : mainSources()) {
            for (String line : read(file).split("\n")) {
                String code = line.strip();
                if (code.startsWith("import ")
                        || code.startsWith("package ")
                        || code.startsWith("*")
                        || code.startsWith("/*")
                        || code.startsWith("//")) {
                    continue;
                }
                Matcher m = inline.matcher(code.replaceAll("\"(?:\\\\.|[^\"\\\\])*\"", "\"\""));
                while (m.find()) {
                    String hit = file.getFileName() + ": " + m.group();
                    if (!allowed.contains(hit)) {
                        found.add(hit);
                    }
                }
            }
        }
        assertThat(found).as("fully qualified class names written inline").isEmpty();
    }

    @Test
    void filesOver300LinesSayWhyAtTheirTop() {
        List<String> unexplained = new ArrayList<>();
        for (Path file : mainSources()) {
            List<String> lines = read(file).lines().toList();
            boolean explained =
                    lines.stream().limit(30).anyMatch(l -> l.contains("Longer than 300 lines"));
            if (lines.size() > 300 && !explained) {
                unexplained.add(repoDir.relativize(file) + " (" + lines.size() + " lines)");
            }
        }
        assertThat(unexplained)
                .as("main sources over 300 lines without a 'Longer than 300 lines: why' comment")
                .isEmpty();
    }

    @Test
    void privateStateOfOtherLibrariesIsOpenedInOnePlace() {
        List<String> opening =
                mainSources().stream()
                        .filter(f -> !f.toString().contains("/core/internal/reflect/"))
                        .filter(f -> read(f).contains(".setAccessible("))
                        .map(f -> repoDir.relativize(f).toString())
                        .toList();
        assertThat(opening)
                .as("main sources that open members themselves instead of core's PrivateAccess")
                .isEmpty();
    }

    @Test
    void jdkProxiesAreMadeByJdbcProxiesOnly() {
        List<String> allowed = List.of("/JdbcProxies.java");
        List<String> own =
                mainSources().stream()
                        .filter(f -> allowed.stream().noneMatch(a -> f.toString().endsWith(a)))
                        .filter(
                                f -> {
                                    String text = read(f);
                                    return text.contains("Proxy.newProxyInstance")
                                            || text.contains("InvocationHandler");
                                })
                        .map(f -> repoDir.relativize(f).toString())
                        .toList();
        assertThat(own)
                .as("main sources with a JDK proxy of their own instead of JdbcProxies (core)")
                .isEmpty();
    }

    private static boolean isPublished(Path file) {
        String module = file.toString();
        return module.contains("/hibernate-pg-") && !module.contains("/hibernate-pg-test-support/");
    }

    private List<Path> mainSources() {
        try (Stream<Path> files = Files.walk(repoDir)) {
            return files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> p.toString().contains("/src/main/java/"))
                    .filter(p -> !p.toString().contains("/target/"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
