package dev.regdoc.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regdoc.conversation.store.ConversationTurns;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chat pages' turns in the case store (H2 here; the web tests run them on PostgreSQL): a queued
 * analysis's turns once, and a history bounded in turns and characters, the newest in full.
 */
class ConversationTurnsTest {
  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
  private static final long BUDGET = 2L << 20;

  @TempDir Path dataDir;
  private JdbcCaseStore store;
  private ConversationTurns turns;

  @BeforeEach
  void open() {
    store = JdbcCaseStore.open(StoreSettings.defaults(dataDir));
    turns = store.conversationTurns().orElseThrow();
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void aQueuedAnalysisTurnsAreKeptOnceWhoeverRecordsThem() {
    assertThat(turns.append("web:a", 7L, false, "{\"file\":\"p.pcap\"}", null, T0)).isTrue();
    assertThat(turns.append("web:a", null, false, "{\"text\":\"between\"}", null, T0)).isTrue();
    assertThat(turns.append("web:a", 7L, false, "{\"file\":\"p.pcap\"}", null, T0)).isFalse();
    assertThat(turns.append("web:a", 7L, true, "{\"reply\":1}", null, T0)).isTrue();
    assertThat(turns.append("web:a", 7L, true, "{\"reply\":1}", null, T0)).isFalse();
    assertThat(turns.append("web:b", null, false, "{\"text\":\"other\"}", null, T0)).isTrue();

    assertThat(turns.recent("web:a", 200, BUDGET))
        .extracting(ConversationTurns.Said::json)
        .containsExactly("{\"file\":\"p.pcap\"}", "{\"text\":\"between\"}", "{\"reply\":1}");
    assertThat(turns.recent("web:a", 200, BUDGET))
        .extracting(ConversationTurns.Said::job)
        .containsExactly(7L, null, 7L);
  }

  @Test
  void picturesOfOldTurnsGiveWayToTheBudgetAndTheNewestKeepTheirs() {
    String picture = "data:image/png;base64," + "A".repeat(300_000);
    for (int i = 0; i < 30; i++) {
      turns.append(
          "web:a",
          null,
          true,
          "{\"text\":\"answer " + i + "\",\"src\":\"" + picture + "\"}",
          "{\"text\":\"answer " + i + "\",\"src\":\"\",\"kept\":false}",
          T0);
    }

    List<ConversationTurns.Said> shown = turns.recent("web:a", 200, BUDGET);

    assertThat(shown).hasSize(30); // every turn's text stays; only old pictures go
    assertThat(shown.stream().mapToLong(s -> s.json().length()).sum()).isLessThanOrEqualTo(BUDGET);
    assertThat(shown.get(29).json()).contains("answer 29").contains("base64,AAAA");
    assertThat(shown.get(0).json()).contains("answer 0").doesNotContain("data:image");
  }

  @Test
  void onlyTheLatestTurnsAreShownOldestFirst() {
    for (int i = 0; i < 250; i++) {
      turns.append("web:a", null, false, "{\"text\":\"" + i + "\"}", null, T0);
    }

    List<ConversationTurns.Said> shown = turns.recent("web:a", 200, BUDGET);

    assertThat(shown).hasSize(200);
    assertThat(shown.get(0).json()).isEqualTo("{\"text\":\"50\"}");
    assertThat(shown.get(199).json()).isEqualTo("{\"text\":\"249\"}");
  }
}
