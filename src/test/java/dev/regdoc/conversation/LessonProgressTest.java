package dev.regdoc.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regdoc.bot.BotRuntime;
import dev.regdoc.chat.terminal.TerminalChat;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A learner's progress through the terminal chat survives a restart (a new engine on the same
 * store): "teach me" resumes at the question reached, and a lead asking "progress of" the learner
 * sees the lessons and the key points missed, in English and in Japanese.
 */
class LessonProgressTest {
  @TempDir Path data;

  @Test
  void teachMeResumesAfterARestartAndALeadSeesTheWeakPoints() {
    try (BotRuntime first = BotFixture.start(data)) {
      TerminalChat alice = chat(first, "terminal:alice");
      say(alice, "teach me");
      say(alice, "1");
      assertThat(say(alice, "I would look at the CUCM alarms"))
          .contains("✗ Missed: Capture on both sides: at the phone and on CUCM.")
          .contains("Question 2 of 4");
    }
    try (BotRuntime second = BotFixture.start(data)) {
      TerminalChat alice = chat(second, "terminal:alice");
      assertThat(say(alice, "teach me"))
          .contains(
              "Picking up SCCP phones restart because the ASA answers ARP for CUCM where you"
                  + " stopped.")
          .contains("Question 2 of 4");
      say(alice, "stop lesson");
      assertThat(say(alice, "teach me"))
          .contains("SCCP phones restart because the ASA answers ARP for CUCM (in progress)")
          .contains("Suggested next: SCCP phones restart because the ASA answers ARP for CUCM");

      TerminalChat lead = chat(second, "terminal:lead");
      assertThat(say(lead, "progress of alice"))
          .contains("Progress of alice:")
          .contains("- SCCP phones restart because the ASA answers ARP for CUCM: in progress")
          .contains("- Why each checklist step matters: new")
          .contains("Key points missed more often than made:")
          .contains("Capture on both sides: at the phone and on CUCM. (missed 1 of 1;");
      assertThat(say(lead, "alice の進捗"))
          .contains("alice さんの進み具合：")
          .contains("電話機側と CUCM 側の両方でキャプチャを取る必要があります。（1 回中 1 回不足；");
      assertThat(say(lead, "progress of nobody"))
          .contains("I have no lessons on record for nobody.");
      assertThat(say(lead, "my progress")).contains("No key point missed more often than made");
    }
  }

  @Test
  void eachJudgedAnswerIsCountedInTheStore() {
    try (BotRuntime bot = BotFixture.start(data)) {
      TerminalChat bob = chat(bot, "terminal:bob");
      say(bob, "teach me");
      say(bob, "1");
      say(bob, "the CUCM alarms");
      say(bob, "stop lesson");
      say(bob, "teach me");
      say(bob, "1");
      assertThat(say(bob, "my progress")).contains("(missed 1 of 1;");
      assertThat(bot.store().pointTallies("terminal:bob"))
          .anyMatch(p -> p.point().equals("both-captures") && p.missed() == 1 && p.covered() == 0);
    }
  }

  private static TerminalChat chat(BotRuntime bot, String user) {
    return new TerminalChat(bot.engine(), "terminal:" + user, user);
  }

  private static String say(TerminalChat chat, String line) {
    return chat.turn(line, ProgressSink.NONE).plainText();
  }
}
