package dev.regdoc.conversation;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A phrase written twice in one file is refused, as one written in two files is: YAML keeps the
 * last silently, so the first text was lost without a word (it happened when two changes each added
 * the same phrase).
 */
class PhrasesDuplicateKeyTest {
  @Test
  void aPhraseWrittenTwiceInOneFileIsRefused(@TempDir Path kb) throws IOException {
    for (String name : new String[] {"chat.yaml", "web-chat.yaml"}) {
      Files.writeString(kb.resolve(name), "phrases: {}\n");
    }
    Files.writeString(
        kb.resolve("web-chat.yaml"),
        "phrases:\n  a:\n    en: one\n    ja: いち\n  a:\n    en: two\n    ja: に\n");
    assertThatThrownBy(() -> Phrases.load(kb)).hasStackTraceContaining("a");
  }
}
