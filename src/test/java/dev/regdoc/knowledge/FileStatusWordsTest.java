package dev.regdoc.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.regdoc.facts.FileReport;
import dev.regdoc.facts.InputKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of file the sniffer can judge is named in both languages: a kind added to {@link
 * InputKind} without its phrase turned every upload of such a file into "something went wrong".
 * English keeps the reader's description; Japanese names the kind and what the file held.
 */
class FileStatusWordsTest {
  @Test
  void everyInputKindIsNamedInBothLanguages() {
    FileStatusWords words = FileStatusWords.load(Path.of("knowledge-base"));
    for (InputKind kind : InputKind.values()) {
      FileReport r =
          new FileReport("f", kind, "the reader's words", true, Map.of("frames", 7L), List.of());
      assertThat(words.looksLike(r, Lang.EN)).as(kind.name()).isEqualTo("the reader's words");
      assertThat(words.looksLike(r, Lang.JA))
          .as(kind.name())
          .isNotBlank()
          .doesNotContain("{")
          .doesNotContain("reader");
    }
  }

  @Test
  void aKindWithoutItsPhraseIsRefusedAtLoad(@TempDir Path kb) throws IOException {
    Files.writeString(
        kb.resolve(FileStatusWords.NAME),
        "phrases:\n  file-kind-pcap:\n    en: \"{detail}\"\n    ja: \"キャプチャ\"\n");
    assertThatThrownBy(() -> FileStatusWords.load(kb)).hasMessageContaining("file-kind-zip");
  }
}
