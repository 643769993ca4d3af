package dev.regdoc.knowledge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parsed knowledge-base files kept as JSON in a folder of the data directory, each named by the
 * length and two checksums (CRC-32C and CRC-32) of the YAML bytes it was parsed from: reading JSON
 * back is several times quicker than parsing YAML, an edited file has another name (so it is parsed
 * again), and a copy that cannot be read (damaged, cut short) is ignored and written again. A copy
 * that cannot be written costs only the next start's time.
 *
 * <p>The name tells an operator's edit from the file that was parsed, and no more: the knowledge
 * base is the operator's own, so no digest that resists a forger is needed. A SHA-256 was a sixth
 * of {@code explain}'s knowledge-base reading (the security providers' start and the digest run by
 * the interpreter); the checksums are the JVM's intrinsics.
 */
final class ParsedCopies {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SUFFIX = ".json";

  private final Path dir;

  ParsedCopies(Path dir) {
    this.dir = dir;
  }

  /**
   * The copy in {@code file} (see {@link #fileFor}), or null when there is none or it cannot be
   * read.
   */
  JsonNode read(Path file) {
    if (!Files.isRegularFile(file)) {
      return null;
    }
    try {
      JsonNode tree = JSON.readTree(file.toFile());
      return tree == null || tree.isMissingNode() ? null : tree;
    } catch (IOException | RuntimeException e) {
      log().debug("parsed copy {} unreadable, parsing the YAML instead", file, e);
      return null;
    }
  }

  /** Keeps {@code tree} as the copy in {@code file}, or logs why it could not. */
  void write(Path file, JsonNode tree) {
    try {
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, "kb-", ".tmp");
      try {
        JSON.writeValue(tmp.toFile(), tree);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException | RuntimeException e) {
      log().debug("could not keep the parsed copy {}", file, e);
    }
  }

  /**
   * Asked for only when something went wrong: a logger sets up logging, which explain never needs.
   */
  private static Logger log() {
    return LoggerFactory.getLogger(ParsedCopies.class);
  }

  /** The copy's file for these bytes, whether or not it exists. */
  Path fileFor(byte[] yaml) {
    CRC32C castagnoli = new CRC32C();
    castagnoli.update(yaml);
    CRC32 ieee = new CRC32();
    ieee.update(yaml);
    return dir.resolve(
        String.format(
            "%x-%08x%08x%s", yaml.length, castagnoli.getValue(), ieee.getValue(), SUFFIX));
  }
}
