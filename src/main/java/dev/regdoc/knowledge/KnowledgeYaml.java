package dev.regdoc.knowledge;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The one YAML reader of every knowledge-base file. A key written twice is an error: YAML would
 * keep the last silently and lose the first text without a word.
 *
 * <p>Parsing the YAML is most of a short command's start ({@code explain}), so once a file has
 * parsed, its tree can be kept as JSON ({@link ParsedCopies}, named by a hash of the file's bytes)
 * and read from there while the file is unchanged: an operator's edit changes the hash and is
 * parsed afresh. A command turns this on with {@link #keepParsedCopiesIn}.
 */
public final class KnowledgeYaml {
  /** The data directory's folder for parsed copies. */
  public static final String CACHE_FOLDER = "kb-cache";

  private static volatile ParsedCopies copies;

  private KnowledgeYaml() {}

  /** Keeps the parsed trees in {@code dir} from now on; null keeps none. */
  public static void keepParsedCopiesIn(Path dir) {
    copies = dir == null ? null : new ParsedCopies(dir);
  }

  /**
   * The file's tree (null or a missing node for an empty file); a YAML error as Jackson reports it,
   * with its line.
   */
  public static JsonNode readTree(Path file) throws IOException {
    byte[] yaml = Files.readAllBytes(file);
    ParsedCopies kept = copies;
    if (kept == null) {
      return parse(yaml);
    }
    Path copyFile = kept.fileFor(yaml); // checksummed once, for the read and the write after a miss
    JsonNode copy = kept.read(copyFile);
    if (copy != null) {
      return copy;
    }
    JsonNode tree = parse(yaml);
    if (tree != null && !tree.isMissingNode()) {
      kept.write(copyFile, tree);
    }
    return tree;
  }

  /** Bytes that are not UTF-8 are refused as a reader of the file would (an IOException). */
  private static JsonNode parse(byte[] yaml) throws IOException {
    return Yaml.MAPPER.readTree(
        StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(yaml)).toString());
  }

  /**
   * The YAML mapper, built only when a file is parsed (a command reading kept copies needs none).
   */
  private static final class Yaml {
    static final ObjectMapper MAPPER =
        YAMLMapper.builder().enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY).build();
  }
}
