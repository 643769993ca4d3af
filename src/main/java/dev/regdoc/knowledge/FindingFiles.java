package dev.regdoc.knowledge;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The knowledge base's one file per finding, {@code findings/<code>.yaml}: everything a finding
 * says (its texts, its short names as a cause and as a rival, the evidence notes only its rules
 * cite), so that adding a fault adds one file. Read here once for the three loaders that use it.
 */
final class FindingFiles {
  static final String DIR = "findings";

  /**
   * One file: its name as problems cite it ("findings/proxy-arp.yaml"), the code its name gives,
   * and its tree, or null with the reason it could not be read.
   */
  record One(String name, String code, JsonNode root, String error) {}

  private FindingFiles() {}

  /** "findings/proxy-arp.yaml", as problems name the file of a finding. */
  static String fileOf(String code) {
    return DIR + "/" + code + ".yaml";
  }

  /** Every {@code *.yaml} of the folder, by name; none when the folder is missing. */
  static List<One> read(Path kb) {
    Path dir = kb.resolve(DIR);
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList();
    } catch (IOException e) {
      return List.of(new One(DIR, null, null, "cannot be listed: " + e.getMessage()));
    }
    List<One> out = new ArrayList<>();
    for (Path p : files) {
      String file = p.getFileName().toString();
      String code = file.substring(0, file.length() - ".yaml".length());
      out.add(one(p, fileOf(code), code));
    }
    return out;
  }

  private static One one(Path p, String name, String code) {
    try {
      JsonNode root = KnowledgeYaml.readTree(p);
      if (root == null || root.isMissingNode() || root.isNull()) {
        return new One(name, code, null, "file is empty");
      }
      if (!root.isObject()) {
        return new One(name, code, null, "must be a mapping of fields");
      }
      return new One(name, code, root, null);
    } catch (JacksonException e) {
      String at = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
      return new One(name, code, null, "not valid YAML: " + e.getOriginalMessage() + at);
    } catch (IOException e) {
      return new One(name, code, null, "cannot read: " + e.getMessage());
    }
  }
}
