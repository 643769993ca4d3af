package dev.regdoc.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regdoc.facts.InputKind;
import dev.regdoc.knowledge.Lang;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Every kind of file the sniffer can judge is named in both languages: a kind added to {@link
 * InputKind} without its phrase turned every upload of such a file into "something went wrong".
 */
class FileKindPhrasesTest {
  @Test
  void everyInputKindHasItsPhraseInBothLanguages() {
    Phrases phrases = Phrases.load(Path.of("knowledge-base"));
    for (InputKind kind : InputKind.values()) {
      String key = "file-kind-" + kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
      assertThat(phrases.has(key)).as(key).isTrue();
      for (Lang lang : Lang.values()) {
        assertThat(phrases.get(key, lang, "detail", "d", "frames", 1, "lines", 1, "entries", 1))
            .as(key + " " + lang)
            .isNotBlank();
      }
    }
  }
}
