package dev.regdoc.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regdoc.bot.BotRuntime;
import dev.regdoc.conversation.store.ChatMessage;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stopping regdoc mid-case and starting it again continues the case: its answers, steps, files and
 * messages.
 */
class RestartTest {
  @TempDir Path data;

  @Test
  void aCaseContinuesAfterARestart() {
    long caseId;
    try (BotRuntime first = BotFixture.start(data)) {
      ChatEngine bot = first.engine();
      Reply opened =
          bot.handle(
              Incoming.text(
                  "web:s1", "web:alice", "SEP0024142DDF24 drops to the secondary every 16 minutes"),
              ProgressSink.NONE);
      caseId = opened.caseId();
      bot.handle(Incoming.action("web:s1", "web:alice", "protocol:SIP"), ProgressSink.NONE);
      bot.handle(Incoming.text("web:s1", "web:alice", "14"), ProgressSink.NONE);
      bot.handle(
          Incoming.action("web:s1", "web:alice", "step:done:cucm-alarms"), ProgressSink.NONE);
      bot.handle(
          Incoming.upload("web:s1", "web:alice", "", List.of(BotFixture.caseStudy2("phone.pcap"))),
          ProgressSink.NONE);
    }
    try (BotRuntime second = BotFixture.start(data)) {
      ChatEngine bot = second.engine();
      Reply next =
          bot.handle(
              Incoming.upload(
                  "web:s1", "web:alice", "", List.of(BotFixture.caseStudy2("switch-config.txt"))),
              ProgressSink.NONE);
      assertThat(next.caseId()).isEqualTo(caseId);
      assertThat(next.plainText()).contains("(2 files)").contains("port-security-aging · 95%");
      Reply checklist =
          bot.handle(Incoming.text("web:s1", "web:alice", "checklist"), ProgressSink.NONE);
      assertThat(checklist.plainText()).contains("CUCM alarms (Event Viewer / CiscoSyslog) [done]");
      var caseRecord = second.store().findCase(caseId).orElseThrow();
      assertThat(caseRecord.device()).isEqualTo("SEP0024142DDF24");
      assertThat(caseRecord.protocol()).isEqualTo("SIP");
      assertThat(caseRecord.cucmVersion()).isEqualTo("14");
      assertThat(second.store().messages(caseId))
          .extracting(ChatMessage::text)
          .anyMatch(t -> t.contains("drops to the secondary"))
          .anyMatch(t -> t.contains("[uploaded: phone.pcap]"));
    }
  }

  @Test
  void aSecondEngineerJoinsTheCaseFromAnotherConversation() {
    try (BotRuntime bot = BotFixture.start(data)) {
      Reply opened =
          bot.engine()
              .handle(
                  Incoming.text(
                      "slack:T1:C1:1.1",
                      "slack:U1",
                      "SEP0024142DDF24 drops every 16 minutes, SIP, CUCM 14"),
                  ProgressSink.NONE);
      bot.engine()
          .handle(
              Incoming.upload(
                  "slack:T1:C1:1.1", "slack:U1", "", List.of(BotFixture.caseStudy2("phone.pcap"))),
              ProgressSink.NONE);
      Reply joined =
          bot.engine()
              .handle(
                  Incoming.text("web:s2", "web:bob", "case " + opened.caseId()), ProgressSink.NONE);
      assertThat(joined.plainText())
          .contains("case #" + opened.caseId())
          .contains("SEP0024142DDF24");
      Reply more =
          bot.engine()
              .handle(
                  Incoming.upload(
                      "web:s2", "web:bob", "", List.of(BotFixture.caseStudy2("switch-config.txt"))),
                  ProgressSink.NONE);
      assertThat(more.caseId()).isEqualTo(opened.caseId());
      assertThat(more.plainText()).contains("(2 files)").contains("port-security-aging");
    }
  }
}
