package dev.regdoc.logs;

import static java.util.stream.Collectors.counting;
import static java.util.stream.Collectors.groupingBy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.regdoc.facts.Anomaly;
import dev.regdoc.facts.NetworkLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The public IOS and ASA syslog samples in ../shared/data/syslog (Elastic and GPL licensed: read in
 * place, never copied into the project). Every line with a Cisco tag must become a NetworkLog.
 */
class RealSyslogDataTest {

  private static final Path DATA = Path.of("../shared/data/syslog");
  private static final Pattern ANY_TAG =
      Pattern.compile("%[A-Z][A-Z0-9_]*(?:-[A-Z][A-Z0-9_]*)?-[0-7]-[A-Za-z0-9_]+ ?:");

  @BeforeAll
  static void dataMustBeThere() {
    assumeThat(Files.isDirectory(DATA))
        .as(
            "shared test data %s is absent (see shared/data/README.md); skipping real-data tests",
            DATA)
        .isTrue();
  }

  private static SyslogFixture read(String relative) throws IOException {
    Path file = DATA.resolve(relative);
    return SyslogFixture.read(relative, LenientText.open(file));
  }

  private static Map<String, Long> countByMnemonic(SyslogFixture r) {
    return r.logs().stream().collect(groupingBy(NetworkLog::mnemonic, TreeMap::new, counting()));
  }

  private static List<Long> unrecognisedLines(SyslogFixture r) {
    return r.anomalies("syslog-unrecognised-line").stream().map(a -> a.origin().line()).toList();
  }

  /** Line numbers of the physical lines carrying a Cisco tag, which must all be facts. */
  private static void everyTaggedLineIsALog(String relative, SyslogFixture r) throws IOException {
    List<String> lines = Files.readAllLines(DATA.resolve(relative));
    List<Long> tagged =
        IntStream.range(0, lines.size())
            .filter(i -> ANY_TAG.matcher(lines.get(i)).find())
            .mapToObj(i -> (long) i + 1)
            .toList();
    assertThat(r.logs()).extracting(l -> l.origin().line()).containsExactlyElementsOf(tagged);
  }

  @Test
  void elasticIosSyslog() throws IOException {
    String f = "elastic-integrations/cisco_ios/test-syslog.log";
    SyslogFixture r = read(f);

    everyTaggedLineIsALog(f, r);
    assertThat(countByMnemonic(r))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "CONFIG_I",
                3L,
                "IPACCESSLOGDP",
                1L,
                "FAIL",
                2L,
                "PLATFORM",
                2L,
                "SENSE_POWER_INVALID",
                2L,
                "IEEE_DISCONNECT",
                1L,
                "UPDOWN",
                1L,
                "IPV6ACCESSLOGP",
                2L,
                "IPACCESSLOGP",
                1L,
                "INFO_CACHE_SIZE_EXCEEDED",
                1L));
    // NTP Core lines carry no Cisco tag; "last message repeated" (line 12) is a known relay notice
    assertThat(unrecognisedLines(r)).containsExactly(7L, 8L, 9L);
    assertThat(r.summary.lines()).isEqualTo(20);
    assertThat(r.summary.recognised()).isEqualTo(17);
    assertThat(r.summary.unrecognised()).isEqualTo(3);

    NetworkLog disconnect =
        r.logs().stream()
            .filter(l -> l.mnemonic().equals("IEEE_DISCONNECT"))
            .findFirst()
            .orElseThrow();
    assertThat(disconnect.fields()).containsEntry("interface", "Gi1/0/20");
    assertThat(disconnect.host()).isEqualTo("10.53.35.85");
    assertThat(disconnect.timestamp()).isEqualTo(OffsetDateTime.parse("2024-06-12T18:10:50Z"));
    NetworkLog upDown =
        r.logs().stream().filter(l -> l.mnemonic().equals("UPDOWN")).findFirst().orElseThrow();
    assertThat(upDown.fields())
        .containsEntry("interface", "TenGigabitEthernet1/0/1")
        .containsEntry("state", "up");
    assertThat(upDown.timestamp())
        .isEqualTo(OffsetDateTime.parse("2024-10-11T10:15:31.208321-05:00"));
    assertThat(upDown.host()).isEqualTo("TestDevice");
    NetworkLog power =
        r.logs().stream()
            .filter(l -> l.mnemonic().equals("SENSE_POWER_INVALID"))
            .findFirst()
            .orElseThrow();
    assertThat(power.timestamp()).isEqualTo(OffsetDateTime.parse("2025-03-29T07:40:10.863-05:00"));
    assertThat(power.host()).isEqualTo("chswitchm1");
  }

  @Test
  void elasticIosHeaders() throws IOException {
    String f = "elastic-integrations/cisco_ios/test-cisco-ios.log";
    SyslogFixture r = read(f);

    everyTaggedLineIsALog(f, r);
    assertThat(countByMnemonic(r))
        .containsExactlyInAnyOrderEntriesOf(
            Map.ofEntries(
                Map.entry("ACCESSLOGP", 1L),
                Map.entry("ACCESSLOGSP", 1L),
                Map.entry("CALL_PRESERVED", 1L),
                Map.entry("INVALID_RP_JOIN", 2L),
                Map.entry("IPACCESSLOGDP", 4L),
                Map.entry("IPACCESSLOGNP", 1L),
                Map.entry("IPACCESSLOGP", 11L),
                Map.entry("IPACCESSLOGRL", 2L),
                Map.entry("IPACCESSLOGRP", 1L),
                Map.entry("IPACCESSLOGSP", 1L),
                Map.entry("LOGIN_SUCCESS", 1L),
                Map.entry("LOGOUT", 1L),
                Map.entry("NOVALIDKEY", 1L)));
    assertThat(r.summary.unrecognised()).isZero();
    NetworkLog last = r.logs().get(r.logs().size() - 1);
    assertThat(last.fields()).containsEntry("mac", "00:00:5e:00:53:23");
    assertThat(last.timestamp())
        .isEqualTo(OffsetDateTime.parse("2025-06-26T16:44:58.802+02:00").minusYears(1));
    assertThat(r.logs().get(0).host()).isEqualTo("192.168.100.2");
    assertThat(r.logs().get(0).rawTime()).isEqualTo("Feb  8 04:00:47.272");
    assertThat(r.anomalies("syslog-time-without-zone")).hasSize(1);
  }

  @Test
  void elasticAsa() throws IOException {
    String f = "elastic-integrations/cisco_asa/test-asa.log.excerpt";
    SyslogFixture r = read(f);

    everyTaggedLineIsALog(f, r);
    assertThat(countByMnemonic(r))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("305011", 1L, "302013", 1L, "302014", 17L, "106023", 1L));
    assertThat(r.logs()).allSatisfy(l -> assertThat(l.vendor()).isEqualTo("ASA"));
    assertThat(r.logs().stream().filter(l -> "TCP Reset-I".equals(l.fields().get("reason"))))
        .hasSize(16);
    NetworkLog synTimeout = r.logs().get(18);
    assertThat(synTimeout.fields())
        .containsEntry("reason", "SYN Timeout")
        .containsEntry("connection_id", "11753")
        .containsEntry("src_ip", "100.66.35.162")
        .containsEntry("dst_port", "1765")
        .containsEntry("duration_seconds", "30");
    assertThat(r.logs().get(1).fields())
        .containsEntry("direction", "outbound")
        .containsEntry("src_mapped_port", "80");
    assertThat(r.logs().get(19).fields())
        .containsEntry("acl", "inbound")
        .containsEntry("src_interface", "outside")
        .containsEntry("dst_ip", "172.31.98.44");
    assertThat(r.logs().get(0).host()).isEqualTo("localhost");
    assertThat(r.logs().get(0).timestamp()).isEqualTo(OffsetDateTime.parse("2018-10-10T12:34:56Z"));
    assertThat(r.summary.unrecognised()).isZero();
  }

  @Test
  void elasticAsaSip() throws IOException {
    String f = "elastic-integrations/cisco_asa/test-sip.log";
    SyslogFixture r = read(f);

    everyTaggedLineIsALog(f, r);
    assertThat(countByMnemonic(r)).containsExactlyEntriesOf(Map.of("607001", 4L));
    assertThat(r.logs().get(3).fields())
        .containsEntry("sip_message", "REGISTER")
        .containsEntry("src_interface", "vrf52304")
        .containsEntry("src_ip", "81.2.69.143")
        .containsEntry("dst_ip", "175.16.199.1");
  }

  @Test
  void wazuhIos() throws IOException {
    String f = "wazuh/cisco_ios.ini";
    SyslogFixture r = read(f);

    everyTaggedLineIsALog(f, r);
    assertThat(countByMnemonic(r))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "FAIL",
                2L,
                "IPACCESSLOGP",
                8L,
                "LOGIN_SUCCESS",
                2L,
                "SIGNATURE",
                3L,
                "SSH2_SESSION",
                1L,
                "SSH2_USERAUTH",
                1L,
                "UPDOWN",
                2L));
    // the .ini test-file structure around the log lines: section headers, rule, alert and decoder
    // lines
    List<String> lines = Files.readAllLines(DATA.resolve(f));
    List<Long> structure =
        IntStream.range(0, lines.size())
            .filter(i -> lines.get(i).matches("\\[.*]|(rule|alert|decoder) = .*"))
            .mapToObj(i -> (long) i + 1)
            .toList();
    assertThat(structure).hasSize(28);
    assertThat(unrecognisedLines(r)).containsExactlyElementsOf(structure);

    NetworkLog uptime =
        r.logs().stream().filter(l -> l.mnemonic().equals("UPDOWN")).findFirst().orElseThrow();
    assertThat(uptime.timestamp()).isNull();
    assertThat(uptime.rawTime()).isEqualTo("00:00:46");
    assertThat(uptime.fields())
        .containsEntry("interface", "Port-channel1")
        .containsEntry("state", "up");
    assertThat(r.anomalies("syslog-time-uptime-only")).hasSize(1);
    assertThat(r.logs().stream().filter(l -> "true".equals(l.fields().get("clock_unsynchronised"))))
        .hasSize(4);
    assertThat(r.anomalies("syslog-time-unknown-zone"))
        .extracting(Anomaly::detail)
        .singleElement()
        .asString()
        .contains("\"mng\"");
  }
}
