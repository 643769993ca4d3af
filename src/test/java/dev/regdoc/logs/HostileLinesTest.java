package dev.regdoc.logs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regdoc.facts.CucmAlarm;
import dev.regdoc.facts.NetworkLog;
import dev.regdoc.testing.PatternSteps;
import dev.regdoc.testing.PatternSteps.Mode;
import org.junit.jupiter.api.Test;

/**
 * The lines an outside tester used to hang an analysis, each matched in steps linear in its length
 * (counted, see {@link PatternSteps}) and still read into the right fact. The step count comes
 * first so that a backtracking pattern fails the test at once instead of hanging it.
 */
class HostileLinesTest {

  private static long budget(String text) {
    return PatternSteps.STEPS_PER_CHAR * text.length() + 10_000;
  }

  @Test
  void asaTeardownWithThousandsOfBlanksBeforeALineSeparator() {
    String message =
        "Teardown TCP connection 1 for outside:192.0.2.10/5060 to inside:198.51.100.20/5060"
            + " duration 0:00:01 bytes 1 "
            + " ".repeat(8000)
            + "\u2028x";
    // the reader strips the message; the separator inside keeps the blanks before it
    assertThat(
            PatternSteps.count(
                PatternSteps.field(AsaFields.class, "TEARDOWN"), message.strip(), Mode.FIND_ALL))
        .isLessThan(budget(message));

    NetworkLog log =
        SyslogFixture.read("Jul 02 2015 06:22:31 UTC asa1 : %ASA-6-302014: " + message).onlyLog();
    assertThat(log.fields())
        .containsEntry("connection_id", "1")
        .containsEntry("bytes", "1")
        .containsEntry("src_ip", "192.0.2.10")
        .containsEntry("dst_port", "5060")
        .containsEntry("reason", "x")
        .doesNotContainKey("initiator");
  }

  @Test
  void asaTeardownTailStillSplitsIntoReasonInitiatorAndUser() {
    String head =
        "Jul 02 2015 06:22:31 UTC asa1 : %ASA-6-302014: Teardown TCP connection 7 for"
            + " outside:192.0.2.10/5060 to inside:198.51.100.20/5060 duration 0:01:02 bytes 1234";
    assertThat(
            SyslogFixture.read(head + " TCP Reset-I from inside (LOCAL\\alice)").onlyLog().fields())
        .containsEntry("reason", "TCP Reset-I")
        .containsEntry("initiator", "inside")
        .containsEntry("user", "LOCAL\\alice");
    assertThat(SyslogFixture.read(head + " TCP Reset - O from outside").onlyLog().fields())
        .containsEntry("reason", "TCP Reset-O")
        .containsEntry("initiator", "outside")
        .doesNotContainKey("user");
    assertThat(SyslogFixture.read(head + " SYN Timeout").onlyLog().fields())
        .containsEntry("reason", "SYN Timeout")
        .doesNotContainKey("initiator");
    assertThat(SyslogFixture.read(head).onlyLog().fields())
        .containsEntry("bytes", "1234")
        .doesNotContainKey("reason");
  }

  @Test
  void rtmtLabelFollowedByALongRunOfBlanks() {
    String text =
        "CCM|DeviceUnregistered - Device unregistered. Device name.:SEP000F9048529A Device IP"
            + " address"
            + " ".repeat(1850)
            + "x Reason Code [Optional].:8";
    assertThat(
            PatternSteps.count(PatternSteps.field(CucmFormats.class, "LABEL"), text, Mode.FIND_ALL))
        .isLessThan(budget(text));

    CucmAlarm alarm = SyslogFixture.read(text).onlyAlarm();
    assertThat(alarm.fields())
        .containsEntry("Reason", "8")
        .hasEntrySatisfying(
            "DeviceName",
            name ->
                assertThat(name)
                    .startsWith("SEP000F9048529A Device IP address")
                    .endsWith("x")); // no colon: no label
  }

  @Test
  void windowsEventStartOnOneLongLine() {
    String line = "Error: Device TransientConnection" + " ".repeat(60_000) + "x";
    assertThat(
            PatternSteps.count(
                PatternSteps.field(CucmFormats.class, "WINDOWS_START"), line, Mode.FIND_ALL))
        .isLessThan(budget(line));

    assertThat(CucmFormats.isWindowsEventStart(line)).isFalse();
    assertThat(
            CucmFormats.isWindowsEventStart(
                "Error: Device TransientConnection \u2013 Transient connection attempted."))
        .isTrue();
    assertThat(
            CucmFormats.isWindowsEventStart(
                "Error: Device TransientConnection- no blank before the dash"))
        .isFalse();
  }
}
