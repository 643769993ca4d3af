package dev.regdoc.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regdoc.bot.BotRuntime;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Case numbers are sequential, so from a front end anyone may call (the web chat) a case is joined
 * by its join code, which carries a random token; a local user (the terminal chat) still joins by
 * number.
 */
class CaseJoinCodeTest {
  private static final String SYMPTOM = "SEP0024142DDF24 drops to the secondary every 16 minutes";
  @TempDir Path data;

  private static Incoming remote(String conversation, String user, String text) {
    return new Incoming(conversation, user, user, text, List.of(), null, null, true);
  }

  @Test
  void aRemoteUserCannotJoinByNumberButCanByJoinCode() {
    try (BotRuntime bot = BotFixture.start(data)) {
      ChatEngine engine = bot.engine();
      Reply opened = engine.handle(remote("web:a", "web:alice", SYMPTOM), ProgressSink.NONE);
      String code = engine.joinCode("web:a").orElseThrow();

      Reply guessed =
          engine.handle(
              remote("web:m", "web:mallory", "case " + opened.caseId()), ProgressSink.NONE);
      Reply forged =
          engine.handle(
              remote("web:m", "web:mallory", "case " + opened.caseId() + "-AAAAAAAAAAAAAAAAAAAAAA"),
              ProgressSink.NONE);
      Reply joined = engine.handle(remote("web:b", "web:bob", "case " + code), ProgressSink.NONE);

      assertThat(opened.plainText()).contains("case " + code);
      assertThat(code).matches(opened.caseId() + "-[A-Za-z0-9_-]{22}");
      assertThat(guessed.caseId()).isNotEqualTo(opened.caseId());
      assertThat(guessed.plainText()).doesNotContain("SEP0024142DDF24").contains("join code");
      assertThat(forged.caseId()).isNotEqualTo(opened.caseId());
      assertThat(engine.hasCase("web:m")).isFalse();
      assertThat(joined.caseId()).isEqualTo(opened.caseId());
      assertThat(joined.plainText()).contains("SEP0024142DDF24");
    }
  }

  @Test
  void aLocalUserStillJoinsByNumber() {
    try (BotRuntime bot = BotFixture.start(data)) {
      Reply opened = bot.engine().handle(remote("web:a", "web:alice", SYMPTOM), ProgressSink.NONE);
      Reply joined =
          bot.engine()
              .handle(
                  Incoming.text("terminal:ops", "terminal:ops", "case " + opened.caseId()),
                  ProgressSink.NONE);

      assertThat(joined.caseId()).isEqualTo(opened.caseId());
    }
  }

  @Test
  void eachCaseHasItsOwnCodeAndKeepsIt() {
    try (BotRuntime bot = BotFixture.start(data)) {
      bot.engine().handle(remote("web:a", "web:alice", SYMPTOM), ProgressSink.NONE);
      bot.engine()
          .handle(
              remote("web:b", "web:bob", "SEP00241400AA01 drops every 5 minutes"),
              ProgressSink.NONE);
      String a = bot.engine().joinCode("web:a").orElseThrow();

      assertThat(bot.engine().joinCode("web:b").orElseThrow()).isNotEqualTo(a);
      assertThat(bot.engine().joinCode("web:a")).contains(a);
      assertThat(bot.engine().joinCode("web:nobody")).isEmpty();
    }
  }
}
