package dev.regdoc.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JacksonException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A knowledge-base file unchanged since it was last parsed is read from its kept JSON copy; an
 * operator's edit takes effect at the next start; a damaged copy is ignored and written again; a
 * file that is not valid YAML is reported as before and never kept.
 */
class ParsedCopiesTest {
  @TempDir Path tmp;

  @AfterEach
  void keepNone() {
    KnowledgeYaml.keepParsedCopiesIn(null);
  }

  @Test
  void anUnchangedFileIsReadFromItsCopyAnEditedOneParsedAgain() throws IOException {
    Path cache = tmp.resolve("kb-cache");
    KnowledgeYaml.keepParsedCopiesIn(cache);
    Path yaml =
        Files.writeString(tmp.resolve("reason-codes.yaml"), "13:\n  name: KeepAliveTimeout\n");

    assertThat(KnowledgeYaml.readTree(yaml).path("13").path("name").asText())
        .isEqualTo("KeepAliveTimeout");
    List<Path> copies = files(cache);
    assertThat(copies).hasSize(1);

    // the copy is what a second start reads: changed behind the file's back, the change shows
    Files.writeString(copies.get(0), "{\"13\":{\"name\":\"from the copy\"}}");
    assertThat(KnowledgeYaml.readTree(yaml).path("13").path("name").asText())
        .isEqualTo("from the copy");

    // an operator's edit is another file: parsed, answered and kept beside the old copy
    Files.writeString(yaml, "13:\n  name: KeepAliveTimeout (edited)\n");
    assertThat(KnowledgeYaml.readTree(yaml).path("13").path("name").asText())
        .isEqualTo("KeepAliveTimeout (edited)");
    assertThat(files(cache)).hasSize(2);
  }

  @Test
  void aDamagedCopyIsIgnoredAndWrittenAgain() throws IOException {
    Path cache = tmp.resolve("kb-cache");
    KnowledgeYaml.keepParsedCopiesIn(cache);
    Path yaml = Files.writeString(tmp.resolve("concepts.yaml"), "a:\n  en: one\n  ja: 一\n");
    KnowledgeYaml.readTree(yaml);
    Path copy = files(cache).get(0);

    for (String damage : List.of("{\"a\": {\"en\": \"on", "", "\u0000\u0001garbage")) {
      Files.writeString(copy, damage);
      assertThat(KnowledgeYaml.readTree(yaml).path("a").path("ja").asText()).isEqualTo("一");
      assertThat(Files.readString(copy)).isEqualTo("{\"a\":{\"en\":\"one\",\"ja\":\"一\"}}");
    }
  }

  @Test
  void invalidYamlIsReportedWithItsLineAndNotKept() throws IOException {
    Path cache = tmp.resolve("kb-cache");
    KnowledgeYaml.keepParsedCopiesIn(cache);
    Path yaml = Files.writeString(tmp.resolve("checklist.yaml"), "a: 1\na: 2\n");

    assertThatThrownBy(() -> KnowledgeYaml.readTree(yaml)).isInstanceOf(JacksonException.class);
    assertThat(cache).doesNotExist();
  }

  @Test
  void theWholeKnowledgeBaseAnswersTheSameFromItsCopies() {
    Path kb = Path.of("knowledge-base");
    String parsed = KnowledgeBase.load(kb).reason(13).orElseThrow().toString();

    KnowledgeYaml.keepParsedCopiesIn(tmp.resolve("kb-cache"));
    KnowledgeBase first = KnowledgeBase.load(kb);
    KnowledgeBase fromCopies = KnowledgeBase.load(kb);

    assertThat(first.reason(13).orElseThrow().toString()).isEqualTo(parsed);
    assertThat(fromCopies.reason(13).orElseThrow().toString()).isEqualTo(parsed);
    assertThat(tmp.resolve("kb-cache")).isNotEmptyDirectory();
  }

  @Test
  void anUnwritableFolderCostsOnlyTime() throws IOException {
    Path notADir = Files.writeString(tmp.resolve("file"), "x");
    KnowledgeYaml.keepParsedCopiesIn(notADir.resolve("kb-cache"));
    Path yaml = Files.writeString(tmp.resolve("x.yaml"), "k: v\n");

    assertThat(KnowledgeYaml.readTree(yaml).path("k").asText()).isEqualTo("v");
  }

  private static List<Path> files(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.sorted().toList();
    }
  }
}
