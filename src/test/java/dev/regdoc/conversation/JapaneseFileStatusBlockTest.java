package dev.regdoc.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regdoc.analysis.KnowledgeTexts;
import dev.regdoc.capture.CaptureReader;
import dev.regdoc.facts.FactCollector;
import dev.regdoc.facts.FileReport;
import dev.regdoc.ingest.IngestLimits;
import dev.regdoc.ingest.IngestService;
import dev.regdoc.ingest.InputFile;
import dev.regdoc.knowledge.Lang;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chat's status of a file regdoc could not read is in the conversation's language: its
 * problems, and the mark of a file not read in the terminal chat.
 */
class JapaneseFileStatusBlockTest {
  static final Path KB = Path.of("knowledge-base");

  @TempDir Path dir;

  @Test
  void aFileNotReadIsMarkedAndExplainedInJapanese() throws Exception {
    Path empty = Files.write(dir.resolve("empty.pcap"), new byte[0]);
    Path missing = dir.resolve("gone.pcap");
    List<FileReport> reports =
        new IngestService(new CaptureReader(), Map.of(), IngestLimits.defaults())
            .ingest(List.of(InputFile.of(empty), InputFile.of(missing)), new FactCollector());
    FindingCards cards = new FindingCards(KnowledgeTexts.load(KB), Phrases.load(KB));

    List<Block> ja = reports.stream().map(r -> (Block) cards.status(r, 0, Lang.JA)).toList();
    String text = new Reply("ja", 1, ja).plainText();

    assertThat(text)
        .contains("empty.pcap: 空のファイル（0 バイト）")
        .contains("gone.pcap: そのようなファイルはありません")
        .contains("読み込めず")
        .doesNotContain("NOT READ")
        .doesNotContain("is not something regdoc reads");
    List<Block> en = reports.stream().map(r -> (Block) cards.status(r, 0, Lang.EN)).toList();
    assertThat(new Reply("en", 1, en).plainText())
        .contains("NOT READ")
        .contains("empty.pcap: is not something regdoc reads");
  }
}
