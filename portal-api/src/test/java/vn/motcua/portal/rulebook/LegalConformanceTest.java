package vn.motcua.portal.rulebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;

import vn.motcua.engine.platform.Rule;

/**
 * docs/legal-conformance.md is the table of every rule the system implements: its source (document, article), where
 * in the code, which test shows it. This keeps the table honest: every rule an aggregate enforces is in it, and every
 * class and test it names exists — so a rule cannot be added without its row, nor a test renamed under it.
 */
class LegalConformanceTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern CODE = Pattern.compile("`([A-Z][A-Za-z0-9]+)(?:[.#]([A-Za-z0-9_]+))?`");
    private static final Pattern TEST = Pattern.compile("([A-Z][A-Za-z0-9]+Test)#([a-zA-Z0-9_]+)");

    private static String table;
    private static final Pattern DECLARATION = Pattern.compile("(?:class|record|enum|interface) ([A-Z][A-Za-z0-9]*)");

    private static Map<String, Path> sources;
    private static java.util.Set<String> types;

    @BeforeAll
    static void read() throws IOException {
        table = Files.readString(ROOT.resolve("docs/legal-conformance.md"));
        try (Stream<Path> files = Files.walk(ROOT)) {
            sources = files.filter(path -> path.toString().endsWith(".java"))
                    .filter(path -> path.toString().contains("/src/"))
                    .collect(Collectors.toMap(path -> path.getFileName().toString().replace(".java", ""),
                            path -> path, (first, second) -> first));
        }
        types = new java.util.HashSet<>();
        for (Path source : sources.values()) {
            Matcher declared = DECLARATION.matcher(Files.readString(source));
            while (declared.find()) {
                types.add(declared.group(1));
            }
        }
    }

    @Test
    void everyRuleAnAggregateEnforcesHasItsRow() throws ClassNotFoundException {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(Rule.class));
        List<String> missing = new ArrayList<>();
        int rules = 0;
        for (BeanDefinition candidate : scanner.findCandidateComponents("vn.motcua")) {
            Class<?> type = Class.forName(candidate.getBeanClassName());
            if (!type.isEnum() || type.getProtectionDomain().getCodeSource().getLocation().toString()
                    .contains("test-classes")) {
                continue;
            }
            for (Object constant : type.getEnumConstants()) {
                rules++;
                String name = type.getSimpleName() + "." + ((Enum<?>) constant).name();
                if (!table.contains("`" + name + "`")) {
                    missing.add(name);
                }
            }
        }
        assertThat(rules).as("rules found on the class path").isGreaterThan(50);
        assertThat(missing).as("rules without a row in docs/legal-conformance.md").isEmpty();
    }

    @Test
    void everyClassAndTestTheTableNamesExists() throws IOException {
        List<String> unknown = new ArrayList<>();
        int tests = 0;
        for (String line : table.lines().filter(line -> line.startsWith("|")).toList()) {
            Matcher code = CODE.matcher(line);
            while (code.find()) {
                if (!types.contains(code.group(1))) {
                    unknown.add(code.group());
                }
            }
            Matcher test = TEST.matcher(line);
            while (test.find()) {
                tests++;
                Path file = sources.get(test.group(1));
                if (file == null || !Pattern.compile("void " + test.group(2) + "\\(").matcher(Files.readString(file)).find()) {
                    unknown.add(test.group());
                }
            }
        }
        assertThat(tests).as("tests named by the table").isGreaterThan(50);
        assertThat(unknown).as("classes or tests named in docs/legal-conformance.md that do not exist").isEmpty();
    }

    @Test
    void everyRowNamesItsSourceCodeAndTest() {
        List<String> incomplete = table.lines()
                .filter(line -> line.startsWith("| ") && !line.startsWith("| Rule") && !line.startsWith("|---"))
                .filter(line -> {
                    String[] cells = line.split("\\|");
                    return cells.length < 5 || cells[2].isBlank() || !cells[3].contains("`")
                            || !TEST.matcher(cells[4]).find();
                })
                .toList();
        assertThat(incomplete).as("rows without a source, a code reference or a test").isEmpty();
    }
}
