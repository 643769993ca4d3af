package dev.regdoc.analysis;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The fault manifest ({@code src/test/resources/faults.yaml}): one line per finding code, the
 * fixtures whose answer holds it and the look-alikes whose answer must not.
 */
public record FaultManifest(List<Fault> faults) {
  public static final String PATH = "src/test/resources/faults.yaml";
  public static final Path FIXTURES = Path.of("src/test/resources/fixtures");

  /**
   * What "all its recorded inputs" of a lab scenario are: the files an engineer collects (the lab's
   * RTMT trace zips count only where a fixture names them).
   */
  public static final List<String> LAB_INPUTS =
      List.of(
          "phone.pcap",
          "cucm.pcap",
          "cucm-syslog.log",
          "asa-syslog.log",
          "switch-syslog.log",
          "switch-config.txt",
          "asa-config.txt",
          "arp.pcap");

  private static final ObjectMapper YAML =
      YAMLMapper.builder().enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY).build();

  /**
   * One fault: a fixture is a folder of {@code fixtures/} with all its files, or {@code lab/<name>}
   * with all its recorded inputs.
   */
  public record Fault(String code, List<String> foundIn, List<String> notIn) {}

  public static FaultManifest load(Path file) throws IOException {
    JsonNode faults = YAML.readTree(file.toFile()).path("faults");
    if (!faults.isObject()) {
      throw new IllegalArgumentException(file + ": needs a 'faults' map");
    }
    List<Fault> out = new ArrayList<>();
    for (var it = faults.fields(); it.hasNext(); ) {
      var e = it.next();
      Set<String> keys = new TreeSet<>();
      e.getValue().fieldNames().forEachRemaining(keys::add);
      if (!Set.of("found-in", "not-in").containsAll(keys)) {
        throw new IllegalArgumentException(
            file + ": " + e.getKey() + ": only found-in and not-in, not " + keys);
      }
      out.add(new Fault(e.getKey(), list(e.getValue(), "found-in"), list(e.getValue(), "not-in")));
    }
    return new FaultManifest(out);
  }

  private static List<String> list(JsonNode fault, String key) {
    List<String> out = new ArrayList<>();
    fault.path(key).forEach(x -> out.add(x.asText()));
    return out;
  }

  /**
   * The files of one fixture of the manifest, sorted by name: a folder of {@code fixtures/} without
   * its README, {@code lab/<name>} with its {@link #LAB_INPUTS}, or {@code lab/<name> with a+b}.
   */
  public static List<Path> files(String fixture) throws IOException {
    String[] parts = fixture.split(" with ", 2);
    Path dir = FIXTURES.resolve(parts[0]);
    List<String> names;
    if (parts.length > 1) {
      names = List.of(parts[1].split("\\+"));
    } else if (parts[0].startsWith("lab/")) {
      names = LAB_INPUTS;
    } else {
      try (Stream<Path> s = Files.list(dir)) {
        names = s.map(p -> p.getFileName().toString()).filter(n -> !n.equals("README.md")).toList();
      }
    }
    return names.stream().map(dir::resolve).filter(Files::isRegularFile).sorted().toList();
  }

  public Optional<Fault> fault(String code) {
    return faults.stream().filter(f -> f.code().equals(code)).findFirst();
  }

  public List<String> codes() {
    return faults.stream().map(Fault::code).toList();
  }
}
