package dev.regdoc.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.regdoc.facts.CucmAlarm;
import dev.regdoc.testing.TestText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CucmAlarmSyslogTest {

  /**
   * Verbatim from the source document (shared/seed/000_11b45b88212e6049.txt), wrap artefacts
   * included.
   */
  static final String SEED_WRAPPED =
      """
      Example: 31 uc-ucm-01 local7 3 : 41679: uc-ucm-01.pcce.local Jul 02 2015 06:22:31 UTC :
      %UC_CALLMANAGER-3-EndPointUnregistered:
      %[DeviceName=SEPE0D1730A8137] [IPAddress=10.60.98.210] [Protocol=SIP] [DeviceType=592] [Description=
      Phone] [Reason=13] [IPAddrAttributes=0] [LastSignalReceived=SIPStationDPrimaryLineTimeout] [AppID=Ci
      sco CallManager] [ClusterID=StandAloneCluster] [NodeID=uc-ucm-01]: An endpoint has unregistered
      """;

  static final String ENGLISH_E1 =
      "31 uc-ucm-01 local7 3 : 41679: uc-ucm-01.pcce.local Jul 02 2015 06:22:31 UTC :  "
          + " %UC_CALLMANAGER-3-EndPointUnregistered:"
          + " %[DeviceName=SEPE0D1730A8137][IPAddress=10.60.98.210]"
          + "[Protocol=SIP][DeviceType=592][Description=Phone][Reason=13][IPAddrAttributes=0]"
          + "[LastSignalReceived=SIPStationDPrimaryLineTimeout][AppID=Cisco"
          + " CallManager][ClusterID=StandAloneCluster][NodeID=uc-ucm-01]: An endpoint has"
          + " unregistered";

  static final List<String> SEED_FIELD_ORDER =
      List.of(
          "DeviceName",
          "IPAddress",
          "Protocol",
          "DeviceType",
          "Description",
          "Reason",
          "IPAddrAttributes",
          "LastSignalReceived",
          "AppID",
          "ClusterID",
          "NodeID");

  @Test
  void seedWrappedLineIsRejoinedIntoOneAlarm() {
    SyslogFixture r = SyslogFixture.read(SEED_WRAPPED);

    CucmAlarm a = r.onlyAlarm();
    assertThat(a.alarm()).isEqualTo("EndPointUnregistered");
    assertThat(a.facility()).isEqualTo("UC_CALLMANAGER");
    assertThat(a.severity()).isEqualTo(3);
    assertThat(a.deviceName()).isEqualTo("SEPE0D1730A8137");
    assertThat(a.reason()).isEqualTo(13);
    assertThat(a.field("Description")).isEqualTo("Phone");
    assertThat(a.field("AppID")).isEqualTo("Cisco CallManager");
    assertThat(a.field("LastSignalReceived")).isEqualTo("SIPStationDPrimaryLineTimeout");
    assertThat(a.fields().keySet()).containsExactlyElementsOf(SEED_FIELD_ORDER);
    assertThat(a.text()).isEqualTo("An endpoint has unregistered");
    assertThat(a.timestamp()).isEqualTo(OffsetDateTime.parse("2015-07-02T06:22:31Z"));
    assertThat(a.rawTime()).isEqualTo("Jul 02 2015 06:22:31 UTC");
    assertThat(a.host()).isEqualTo("uc-ucm-01.pcce.local");
    assertThat(a.origin().line()).isEqualTo(1);
    assertThat(a.origin().time()).isEqualTo(a.timestamp().toInstant());
    assertThat(r.summary.lines()).isEqualTo(5);
    assertThat(r.summary.recognised()).isEqualTo(1);
    assertThat(r.summary.unrecognised()).isZero();
    assertThat(r.facts).hasSize(1); // the zone is written: no time anomaly
  }

  @Test
  void embeddedSeedTextIsTheSeedFileText() throws IOException {
    Path seed = Path.of("../shared/seed/000_11b45b88212e6049.txt");
    assumeThat(Files.exists(seed))
        .as("seed document ../shared/seed/ is absent; skipping the comparison")
        .isTrue();
    List<String> lines = Files.readAllLines(seed, StandardCharsets.UTF_8);
    int start = lines.indexOf(SEED_WRAPPED.lines().findFirst().orElseThrow());
    assertThat(start).isNotNegative();
    assertThat(String.join("\n", lines.subList(start, start + 5)) + "\n").isEqualTo(SEED_WRAPPED);
  }

  @Test
  void englishSingleLineGivesTheSameAlarmAsTheWrappedOne() {
    CucmAlarm english = SyslogFixture.read(ENGLISH_E1).onlyAlarm();
    CucmAlarm wrapped = SyslogFixture.read(SEED_WRAPPED).onlyAlarm();

    assertThat(english.fields()).containsExactlyEntriesOf(wrapped.fields());
    assertThat(english.timestamp()).isEqualTo(wrapped.timestamp());
    assertThat(english.ipAddress()).isEqualTo("10.60.98.210");
    assertThat(english.field("NodeID")).isEqualTo("uc-ucm-01");
  }

  @Test
  void breakInsideAValueIsDeletedAndBreakBetweenFieldsIsAllowed() {
    String text =
        TestText.of(
            CucmAlarmSyslogTest.class,
            "breakInsideAValueIsDeletedAndBreakBetweenFieldsIsAllowed.log");
    CucmAlarm a = SyslogFixture.read(text).onlyAlarm();

    assertThat(a.deviceName()).isEqualTo("SEP001122334455");
    assertThat(a.fields().keySet())
        .containsExactly("DeviceName", "IPAddress", "Protocol", "Reason", "AppID");
    assertThat(a.timestamp()).isEqualTo(OffsetDateTime.parse("2015-07-02T15:22:31+09:00"));
    assertThat(a.host()).isEqualTo("uc-ucm-01");
  }

  @Test
  void informationalAndWarningSeveritiesAreAccepted() {
    String text =
        TestText.of(CucmAlarmSyslogTest.class, "informationalAndWarningSeveritiesAreAccepted.log");
    List<CucmAlarm> alarms = SyslogFixture.read(text).alarms();

    assertThat(alarms).extracting(CucmAlarm::severity).containsExactly(6, 4);
    assertThat(alarms)
        .extracting(CucmAlarm::alarm)
        .containsExactly("EndPointUnregistered", "DeviceUnregistered");
    assertThat(alarms.get(1).facility()).isEqualTo("CCM_CALLMANAGER-CALLMANAGER");
    assertThat(alarms.get(1).reason()).isEqualTo(8);
    assertThat(alarms.get(1).timestamp())
        .isEqualTo(OffsetDateTime.parse("2015-07-02T06:23:31-04:00"));
  }

  @Test
  void rfc3164HeaderInFrontOfAWrappedAlarm() {
    String text = TestText.of(CucmAlarmSyslogTest.class, "rfc3164HeaderInFrontOfAWrappedAlarm.log");
    SyslogFixture r = SyslogFixture.read(text);
    CucmAlarm a = r.onlyAlarm();

    assertThat(a.field("AppID")).isEqualTo("Cisco CallManager");
    assertThat(a.timestamp()).isEqualTo(OffsetDateTime.parse("2015-07-02T06:22:31.123Z"));
    assertThat(a.host()).isEqualTo("uc-ucm-01.pcce.local");
    assertThat(r.summary.recognised()).isEqualTo(1);
  }

  @Test
  void rfc5424HeaderInFrontOfAWrappedAlarm() {
    String text =
        """
        <187>1 2015-07-02T15:22:31.000+09:00 uc-ucm-01 ccm 4242 - -
        %UC_CALLMANAGER-3-EndPointUnregistered: %[DeviceName=SEPE0D1730A8137][Description=
        Phone][Reason=13][AppID=Cisco CallManager]: An endpoint has unregistered
        """;
    CucmAlarm a = SyslogFixture.read(text).onlyAlarm();

    assertThat(a.timestamp()).isEqualTo(OffsetDateTime.parse("2015-07-02T15:22:31+09:00"));
    assertThat(a.time()).isEqualTo(OffsetDateTime.parse("2015-07-02T06:22:31Z").toInstant());
    assertThat(a.host()).isEqualTo("uc-ucm-01");
    assertThat(a.field("Description")).isEqualTo("Phone");
    assertThat(a.reason()).isEqualTo(13);
  }

  @Test
  void transientConnectionAlarmsKeepTheirFieldOrder() {
    String text =
        TestText.of(CucmAlarmSyslogTest.class, "transientConnectionAlarmsKeepTheirFieldOrder.log");
    List<CucmAlarm> alarms = SyslogFixture.read(text).alarms();

    assertThat(alarms.get(0).alarm()).isEqualTo("EndPointTransientConnection");
    assertThat(alarms.get(0).fields().keySet())
        .containsExactly(
            "ConnectingPort",
            "DeviceName",
            "IPAddress",
            "DeviceType",
            "Reason",
            "Protocol",
            "MACAddress",
            "IPAddrAttributes",
            "LastSignalReceived",
            "StationState",
            "AppID",
            "ClusterID",
            "NodeID");
    assertThat(alarms.get(0).field("ConnectingPort")).isEqualTo("5060");
    assertThat(alarms.get(1).alarm()).isEqualTo("DeviceTransientConnection");
    assertThat(alarms.get(1).fields().keySet())
        .containsExactly(
            "ConnectingPort",
            "DeviceName",
            "IPAddress",
            "DeviceType",
            "Reason",
            "Protocol",
            "IPAddrAttributes",
            "AppID",
            "ClusterID",
            "NodeID");
    assertThat(alarms.get(1).reason()).isEqualTo(6);
  }

  @Test
  void rtmtPipeFormatE2() {
    String text =
        "CCM|DeviceUnregistered - Device unregistered. Device name.:SEP000F9048529A Device IP"
            + " address.:10.130.9.5 Device type. [Optional]:30006 Device description"
            + " [Optional].:gmgiska Reason Code [Optional].:8 App ID:Cisco CallManager Cluster"
            + " ID:StandAloneCluster Node ID:10.130.8.21|<CLID::StandAloneCluster>"
            + "<NID::10.130.8.21><CT::AlarmSEP000F9048529A><DEV::SEP000F9048529A>";
    SyslogFixture r = SyslogFixture.read(text);
    CucmAlarm a = r.onlyAlarm();

    assertThat(a.alarm()).isEqualTo("DeviceUnregistered");
    assertThat(a.text()).isEqualTo("Device unregistered.");
    assertThat(a.fields())
        .containsExactly(
            entry("DeviceName", "SEP000F9048529A"),
            entry("IPAddress", "10.130.9.5"),
            entry("DeviceType", "30006"),
            entry("Description", "gmgiska"),
            entry("Reason", "8"),
            entry("AppID", "Cisco CallManager"),
            entry("ClusterID", "StandAloneCluster"),
            entry("NodeID", "10.130.8.21"),
            entry("CLID", "StandAloneCluster"),
            entry("NID", "10.130.8.21"),
            entry("CT", "AlarmSEP000F9048529A"),
            entry("DEV", "SEP000F9048529A"));
    assertThat(a.reason()).isEqualTo(8);
    assertThat(a.timestamp()).isNull();
    assertThat(r.summary.unrecognised()).isZero();
  }

  @Test
  void windowsEventViewerFormatE3() {
    String text =
        """
        Error: Device TransientConnection \u2013 Transient connection attempted.
        Connecting Port: 0
        Device name (Optional):
        Device IP address: 192.168.88.52
        Device type: (Optional): 255
        Reason Code (Optional): 6
        App ID: Cisco CallManager

        %LINK-3-UPDOWN: Interface GigabitEthernet1/0/5, changed state to down
        """;
    SyslogFixture r = SyslogFixture.read(text);
    CucmAlarm a = r.onlyAlarm();

    assertThat(a.alarm()).isEqualTo("DeviceTransientConnection");
    assertThat(a.severity()).isEqualTo(3);
    assertThat(a.text()).isEqualTo("Transient connection attempted.");
    assertThat(a.fields())
        .containsExactly(
            entry("ConnectingPort", "0"),
            entry("DeviceName", ""),
            entry("IPAddress", "192.168.88.52"),
            entry("DeviceType", "255"),
            entry("Reason", "6"),
            entry("AppID", "Cisco CallManager"));
    assertThat(a.origin().line()).isEqualTo(1);
    assertThat(r.logs()).singleElement().satisfies(l -> assertThat(l.origin().line()).isEqualTo(9));
    assertThat(r.summary.recognised()).isEqualTo(2);
    assertThat(r.summary.unrecognised()).isZero();
  }

  @Test
  void otherCucmAlarmsAreKeptByNameWithTheirText() {
    String text =
        "Jul 02 2015 06:22:31 UTC : %CCM_CALLMANAGER-CALLMANAGER-3-CodeYellowEntry: CodeYellowEntry"
            + " Expected Average Delay:7906 Entry Latency:20 App ID:Cisco CallManager Cluster";
    CucmAlarm a = SyslogFixture.read(text).onlyAlarm();

    assertThat(a.alarm()).isEqualTo("CodeYellowEntry");
    assertThat(a.fields()).isEmpty();
    assertThat(a.text()).startsWith("CodeYellowEntry Expected Average Delay:7906");
  }

  @Test
  void missingZoneIsAssumedUtcAndReportedOncePerFile() {
    String text =
        TestText.of(CucmAlarmSyslogTest.class, "missingZoneIsAssumedUtcAndReportedOncePerFile.log");
    SyslogFixture r = SyslogFixture.read(text);

    assertThat(r.alarms())
        .extracting(CucmAlarm::alarm)
        .containsExactly("EndPointUnregistered", "EndPointRegistered");
    assertThat(r.alarms().get(1).timestamp())
        .isEqualTo(OffsetDateTime.parse("2015-07-02T06:22:41Z"));
    assertThat(r.anomalies("syslog-time-without-zone"))
        .singleElement()
        .satisfies(an -> assertThat(an.origin().line()).isEqualTo(1));
  }

  private static Map.Entry<String, String> entry(String k, String v) {
    return Map.entry(k, v);
  }
}
