package dev.pgorm.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the guide honest: every Java block in {@code docs/} is a tagged region of a source file
 * (normally a test that runs), written as
 *
 * <pre>
 * &lt;!-- snippet: integration-tests/src/test/java/.../SomeIT.java#region --&gt;
 * ```java
 * ...the lines between "// tag::region[]" and "// end::region[]"...
 * ```
 * </pre>
 *
 * Run with {@code -Dpgorm.docs.update=true} to copy the current regions into the pages.
 */
class DocSnippetsTest {

    private static final Pattern MARKER =
            Pattern.compile(
                    "<!-- snippet: (\\S+?)#(\\S+?) -->\\n```(\\w*)\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern JAVA_BLOCK = Pattern.compile("(?m)^```java$");

    private final Path docsDir = Path.of(System.getProperty("pgorm.docs.dir", ".")).normalize();
    private final Path repoDir = Path.of(System.getProperty("pgorm.repo.dir", "..")).normalize();
    private final boolean update = Boolean.getBoolean("pgorm.docs.update");

    @Test
    void everyJavaSnippetMatchesItsSource() throws IOException {
        List<String> problems = new ArrayList<>();
        List<Path> pages;
        try (Stream<Path> files = Files.walk(docsDir)) {
            pages =
                    files.filter(p -> p.toString().endsWith(".md"))
                            .filter(p -> !p.startsWith(docsDir.resolve("target")))
                            .sorted()
                            .toList();
        }
        assertThat(pages).as("Markdown pages in " + docsDir).isNotEmpty();
        for (Path page : pages) {
            check(page, problems);
        }
        if (!update) {
            assertThat(problems)
                    .as("docs snippets out of date; run mvn -pl docs test -Dpgorm.docs.update=true")
                    .isEmpty();
        }
    }

    private void check(Path page, List<String> problems) throws IOException {
        String text = Files.readString(page, StandardCharsets.UTF_8);
        Matcher m = MARKER.matcher(text);
        StringBuilder rewritten = new StringBuilder();
        int covered = 0;
        while (m.find()) {
            covered++;
            Path source = repoDir.resolve(m.group(1));
            String region;
            try {
                region = region(source, m.group(2));
            } catch (IllegalArgumentException | IOException e) {
                problems.add(docsDir.relativize(page) + ": " + e.getMessage());
                continue;
            }
            if (!region.equals(m.group(4))) {
                problems.add(
                        docsDir.relativize(page)
                                + ": snippet "
                                + m.group(1)
                                + "#"
                                + m.group(2)
                                + " differs from the source");
            }
            m.appendReplacement(
                    rewritten,
                    Matcher.quoteReplacement(
                            "<!-- snippet: "
                                    + m.group(1)
                                    + "#"
                                    + m.group(2)
                                    + " -->\n```"
                                    + m.group(3)
                                    + "\n"
                                    + region
                                    + "```"));
        }
        m.appendTail(rewritten);
        long javaBlocks = JAVA_BLOCK.matcher(text).results().count();
        if (javaBlocks > covered) {
            problems.add(
                    docsDir.relativize(page)
                            + ": "
                            + (javaBlocks - covered)
                            + " java block(s) without a <!-- snippet: file#region --> marker");
        }
        if (update && !rewritten.toString().equals(text)) {
            Files.writeString(page, rewritten.toString(), StandardCharsets.UTF_8);
        }
    }

    static String region(Path source, String tag) throws IOException {
        if (!Files.isRegularFile(source)) {
            throw new IllegalArgumentException("no such source file " + source);
        }
        List<String> lines = Files.readAllLines(source, StandardCharsets.UTF_8);
        int start = -1;
        int end = -1;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.equals("// tag::" + tag + "[]")) {
                start = i + 1;
            } else if (line.equals("// end::" + tag + "[]") && start >= 0) {
                end = i;
                break;
            }
        }
        if (start < 0 || end < 0) {
            throw new IllegalArgumentException("no region '" + tag + "' in " + source);
        }
        List<String> body = new ArrayList<>(lines.subList(start, end));
        while (!body.isEmpty() && body.get(0).isBlank()) {
            body.remove(0);
        }
        while (!body.isEmpty() && body.get(body.size() - 1).isBlank()) {
            body.remove(body.size() - 1);
        }
        int indent = Integer.MAX_VALUE;
        for (String line : body) {
            if (!line.isBlank()) {
                indent = Math.min(indent, line.length() - line.stripLeading().length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (String line : body) {
            sb.append(line.isBlank() ? "" : line.substring(indent)).append('\n');
        }
        return sb.toString();
    }
}
