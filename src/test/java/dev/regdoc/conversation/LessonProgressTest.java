package dev.regdoc.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regdoc.bot.BotRuntime;
import dev.regdoc.chat.terminal.TerminalChat;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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

  @Test
  void inSlackALeadSeesTheProgressOfTheirTeamOnlyAndOthersAreRefused() {
    Map<String, String> teams =
        Map.of(
            "lessons.teams.voice.leads", "U0LEAD",
            "lessons.teams.voice.members", "U0ALICE, U0BOB");
    try (BotRuntime bot = BotFixture.start(data, teams)) {
      for (String learner : List.of("U0ALICE", "U0EVE")) {
        slack(bot, learner, "teach me");
        slack(bot, learner, "", "lesson:case-1-2-proxy-arp");
        slack(bot, learner, "I would look at the CUCM alarms");
      }
      assertThat(slack(bot, "U0LEAD", "progress of <@U0ALICE>"))
          .contains("Progress of U0ALICE:")
          .contains("(missed 1 of 1;");
      assertThat(slack(bot, "U0LEAD", "progress of <@U0EVE>"))
          .contains("You can see the progress of the teams you lead only, and U0EVE is not in one")
          .doesNotContain("missed 1 of 1");
      assertThat(slack(bot, "U0LEAD", "U0EVE の進捗"))
          .contains("進捗を見られるのは自分がリードするチームのメンバーだけです。U0EVE さんはそのチームにいません")
          .doesNotContain("1 回中 1 回不足");
      // a member is no lead: not even a teammate's progress
      assertThat(slack(bot, "U0BOB", "progress of U0ALICE"))
          .contains("You can see the progress of the teams you lead only");
      assertThat(slack(bot, "U0EVE", "my progress")).contains("(missed 1 of 1;");
      // the terminal runs on the engineer's own machine: not restricted
      assertThat(say(chat(bot, "lead"), "progress of U0EVE")).contains("Progress of U0EVE:");
    }
  }

  private static String slack(BotRuntime bot, String user, String text) {
    return slack(bot, user, text, null);
  }

  /** A Slack turn (a button pressed when {@code action} is given) in the user's own thread. */
  private static String slack(BotRuntime bot, String user, String text, String action) {
    Incoming in =
        new Incoming(
            "slack:T0TEAM:C0LEARN:" + user, "slack:" + user, user, text, List.of(), action, null);
    return bot.engine().handle(in, ProgressSink.NONE).plainText();
  }

  private static TerminalChat chat(BotRuntime bot, String user) {
    return new TerminalChat(bot.engine(), "terminal:" + user, user);
  }

  private static String say(TerminalChat chat, String line) {
    return chat.turn(line, ProgressSink.NONE).plainText();
  }
}
