package dev.regdoc.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.regdoc.facts.Anomaly;
import dev.regdoc.facts.CucmAlarm;
import dev.regdoc.facts.FactCollector;
import dev.regdoc.facts.NetworkLog;
import dev.regdoc.facts.TextSummary;
import dev.regdoc.testing.TestText;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SyslogReaderIntegrationTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-03-01T00:00:00Z"), ZoneOffset.UTC);
  private final FactCollector facts = new FactCollector();

  private TextSummary read(String text) throws IOException {
    return new SyslogReader(CLOCK)
        .read("test.log", new BufferedReader(new StringReader(text)), facts);
  }

  @Test
  void theSourceDocumentsWrappedAlarmIsJoinedAndEveryFieldKept() throws IOException {
    // exactly as the Japanese source document prints it: wrapped after the tag and inside two
    // values
    String seed =
        """
        Example: 31 uc-ucm-01 local7 3 : 41679: uc-ucm-01.pcce.local Jul 02 2015 06:22:31 UTC :
        %UC_CALLMANAGER-3-EndPointUnregistered:
        %[DeviceName=SEPE0D1730A8137] [IPAddress=10.60.98.210] [Protocol=SIP] [DeviceType=592] [Description=
        Phone] [Reason=13] [IPAddrAttributes=0] [LastSignalReceived=SIPStationDPrimaryLineTimeout] [AppID=Ci
        sco CallManager] [ClusterID=StandAloneCluster] [NodeID=uc-ucm-01]: An endpoint has unregistered
        """;
    TextSummary s = read(seed);
    assertThat(s.recognised()).isEqualTo(1);
    assertThat(s.unrecognised()).isZero();
    CucmAlarm a = facts.of(CucmAlarm.class).get(0);
    assertThat(a.alarm()).isEqualTo("EndPointUnregistered");
    assertThat(a.severity()).isEqualTo(3);
    assertThat(a.reason()).isEqualTo(13);
    assertThat(a.fields())
        .containsEntry("DeviceName", "SEPE0D1730A8137")
        .containsEntry("Description", "Phone")
        .containsEntry("AppID", "Cisco CallManager")
        .containsEntry("LastSignalReceived", "SIPStationDPrimaryLineTimeout")
        .containsEntry("NodeID", "uc-ucm-01");
    assertThat(a.fields().keySet()).startsWith("DeviceName", "IPAddress", "Protocol");
    assertThat(a.timestamp()).isEqualTo(OffsetDateTime.parse("2015-07-02T06:22:31Z"));
    assertThat(a.host()).isEqualTo("uc-ucm-01.pcce.local");
    assertThat(a.text()).isEqualTo("An endpoint has unregistered");
  }

  @Test
  void anySeverityDigitAndOtherZones() throws IOException {
    read(TestText.of(SyslogReaderIntegrationTest.class, "anySeverityDigitAndOtherZones.log"));
    var alarms = facts.of(CucmAlarm.class);
    assertThat(alarms).extracting(CucmAlarm::severity).containsExactly(6, 4);
    assertThat(alarms.get(0).timestamp())
        .isEqualTo(OffsetDateTime.parse("2015-07-15T22:40:05.347+09:00"));
    assertThat(alarms.get(1).alarm()).isEqualTo("DeviceTransientConnection");
    assertThat(alarms.get(1).facility()).isEqualTo("CCM_CALLMANAGER-CALLMANAGER");
    assertThat(alarms.get(1).fields().keySet()).startsWith("ConnectingPort", "DeviceName");
    // no year in the header: the clock's year, unless that would put the line in the future
    assertThat(alarms.get(1).timestamp()).isEqualTo(OffsetDateTime.parse("2025-03-03T10:00:00Z"));
  }

  @Test
  void theOldRtmtAndWindowsFormats() throws IOException {
    read(TestText.of(SyslogReaderIntegrationTest.class, "theOldRtmtAndWindowsFormats.log"));
    var alarms = facts.of(CucmAlarm.class);
    assertThat(alarms).hasSize(2);
    assertThat(alarms.get(0).fields())
        .containsEntry("DeviceName", "SEP000F9048529A")
        .containsEntry("Reason", "8")
        .containsEntry("Description", "gmgiska")
        .containsEntry("AppID", "Cisco CallManager")
        .containsEntry("NodeID", "10.130.8.21");
    assertThat(alarms.get(1).alarm()).isEqualTo("DeviceTransientConnection");
    assertThat(alarms.get(1).severity()).isEqualTo(3);
    assertThat(alarms.get(1).fields())
        .containsEntry("IPAddress", "192.168.88.52")
        .containsEntry("Reason", "6")
        .containsEntry("DeviceType", "255");
  }

  @Test
  void iosAndAsaMessagesWithTheValuesTheyName() throws IOException {
    read(
        TestText.of(
            SyslogReaderIntegrationTest.class, "iosAndAsaMessagesWithTheValuesTheyName.log"));
    Map<String, NetworkLog> byMnemonic =
        facts.of(NetworkLog.class).stream()
            .collect(Collectors.toMap(NetworkLog::mnemonic, Function.identity()));
    assertThat(byMnemonic.get("MACFLAP_NOTIF").fields())
        .containsEntry("mac", "f0:3a:b2:16:7a:d7")
        .containsEntry("vlan", "10")
        .containsEntry("from_port", "Gi0/5")
        .containsEntry("to_port", "Gi0/15");
    assertThat(byMnemonic.get("UPDOWN").fields())
        .containsEntry("state", "down")
        .containsEntry("clock_unsynchronised", "true")
        .containsEntry("interface", "Ethernet0/1");
    assertThat(byMnemonic.get("PSECURE_VIOLATION").fields())
        .containsEntry("mac", "ee:ee:ee:ee:0e:ee");
    assertThat(byMnemonic.get("302014").fields())
        .containsEntry("reason", "TCP Reset-O")
        .containsEntry("initiator", "inside")
        .containsEntry("src_ip", "10.117.142.19")
        .containsEntry("dst_port", "443")
        .containsEntry("duration", "0:00:08");
    assertThat(byMnemonic.get("302014").vendor()).isEqualTo("ASA");
    assertThat(byMnemonic.get("405001").fields())
        .containsEntry("mac", "20:2d:07:fc:5c:1a")
        .containsEntry("existing_mac", "00:16:a4:21:94:ef");
    assertThat(facts.of(Anomaly.class))
        .extracting(Anomaly::code)
        .containsExactly("syslog-time-without-zone");
  }

  @Test
  void garbageBinaryAndHugeLinesAreReportedNotThrown() throws IOException {
    String huge = "x".repeat(10 * 1024 * 1024);
    TextSummary s =
        read(
            "this is not syslog\n\u0000\u0001\u0002binary\u0000\n\u0000\u0003\n"
                + "%LINK-3-UPDOWN: Interface Ethernet0/3, changed state to down\n"
                + huge
                + "\n");
    assertThat(s.recognised()).isEqualTo(1);
    assertThat(s.unrecognised()).isEqualTo(2);
    assertThat(s.problems())
        .anyMatch(p -> p.contains("lines 2-3 look like binary data"))
        .anyMatch(
            p -> p.contains("line 5 is 10485760 characters long; only the first 65536 were read"));
    assertThat(facts.of(Anomaly.class))
        .filteredOn(a -> a.code().equals("syslog-unrecognised-line"))
        .hasSize(2)
        .allMatch(a -> a.detail().length() < 200);
  }

  @Test
  void everyCiscoLineOfThePublicSamplesIsRecognised() throws IOException {
    Path dir = Path.of("../shared/data/syslog/elastic-integrations");
    assumeTrue(Files.isDirectory(dir), "shared test data folder ../shared/data is absent");
    for (String f :
        new String[] {
          "cisco_ios/test-cisco-ios.log", "cisco_asa/test-asa.log.excerpt", "cisco_asa/test-sip.log"
        }) {
      try (BufferedReader in = Files.newBufferedReader(dir.resolve(f))) {
        TextSummary s = new SyslogReader(CLOCK).read(f, in, facts);
        assertThat(s.unrecognised()).as(f).isZero();
        assertThat(s.recognised()).as(f).isPositive();
      }
    }
    // test-syslog.log: 17 Cisco messages; the 3 NTP daemon lines carry no %FACILITY tag
    try (BufferedReader in = Files.newBufferedReader(dir.resolve("cisco_ios/test-syslog.log"))) {
      TextSummary s = new SyslogReader(CLOCK).read("test-syslog.log", in, facts);
      assertThat(s.recognised()).isEqualTo(17);
      assertThat(s.unrecognised()).isEqualTo(3);
    }
  }
}
