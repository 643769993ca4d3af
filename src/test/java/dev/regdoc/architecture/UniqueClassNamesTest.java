package dev.regdoc.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * One name per concept: no two top-level classes of the product share a simple name, so a reader
 * (and an import) never has to ask which {@code Finding} is meant. Nested helpers (a Builder, an
 * Entry) are read with their owner's name and are not counted.
 */
class UniqueClassNamesTest {
  private static final Path MAIN = Path.of("src/main/java");

  @Test
  void noTwoTopLevelClassesShareASimpleName() throws IOException {
    Map<String, List<String>> byName;
    try (Stream<Path> files = Files.walk(MAIN)) {
      byName =
          files
              .filter(p -> p.getFileName().toString().endsWith(".java"))
              .filter(p -> !p.getFileName().toString().equals("package-info.java"))
              .collect(
                  Collectors.groupingBy(
                      p -> p.getFileName().toString().replace(".java", ""),
                      TreeMap::new,
                      Collectors.mapping(
                          p -> MAIN.relativize(p.getParent()).toString(), Collectors.toList())));
    }
    assertThat(byName)
        .as("the product's classes (the scan looked at the wrong folder)")
        .hasSizeGreaterThan(100);
    assertThat(
            byName.entrySet().stream()
                .filter(e -> e.getValue().size() > 1)
                .map(Map.Entry::toString))
        .as("simple names used by more than one package")
        .isEmpty();
  }
}
