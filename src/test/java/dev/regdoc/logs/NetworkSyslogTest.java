package dev.regdoc.logs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regdoc.facts.Macs;
import dev.regdoc.facts.NetworkLog;
import dev.regdoc.testing.TestText;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** IOS and ASA lines from reference domain.md 6.2 and 6.3, plus variants of their shapes. */
class NetworkSyslogTest {

  private static NetworkLog one(String line) {
    return SyslogFixture.read(line).onlyLog();
  }

  @Test
  void portSecurityViolationNamesMacAndPort() {
    NetworkLog l =
        one(
            "%PORT_SECURITY-2-PSECURE_VIOLATION: Security violation occurred, caused by MAC address"
                + " eeee.eeee.0eee on port Ethernet0/1.");

    assertThat(l.vendor()).isEqualTo("IOS");
    assertThat(l.facility()).isEqualTo("PORT_SECURITY");
    assertThat(l.severity()).isEqualTo(2);
    assertThat(l.mnemonic()).isEqualTo("PSECURE_VIOLATION");
    assertThat(l.fields())
        .containsEntry("mac", "ee:ee:ee:ee:0e:ee")
        .containsEntry("interface", "Ethernet0/1");
    assertThat(l.timestamp()).isNull();
  }

  @Test
  void errDisableWithUnsynchronisedClockAndInferredYear() {
    NetworkLog l =
        one(
            "*Sep 17 19:56:29.872: %PM-4-ERR_DISABLE: psecure-violation error detected on Et0/1,"
                + " putting Et0/1 in err-disable state");

    assertThat(l.fields())
        .containsEntry("interface", "Et0/1")
        .containsEntry("reason", "psecure-violation")
        .containsEntry("clock_unsynchronised", "true");
    // the reference clock says 2025-06-01: September 2025 would be in the future
    assertThat(l.timestamp()).isEqualTo(OffsetDateTime.parse("2024-09-17T19:56:29.872Z"));
    assertThat(l.rawTime()).isEqualTo("*Sep 17 19:56:29.872");
  }

  @Test
  void yearIsTheCurrentOneWhenThatIsNotInTheFuture() {
    NetworkLog l =
        one(
            ".May 30 10:00:00.000 UTC: %LINK-3-UPDOWN: Interface Ethernet0/3, changed state to"
                + " down");

    assertThat(l.timestamp()).isEqualTo(OffsetDateTime.parse("2025-05-30T10:00:00Z"));
    assertThat(l.fields())
        .containsEntry("clock_unsynchronised", "true")
        .containsEntry("state", "down")
        .containsEntry("interface", "Ethernet0/3");
  }

  @Test
  void lineProtocolUpDown() {
    NetworkLog l =
        one(
            "*Sep 17 19:56:30.875: %LINEPROTO-5-UPDOWN: Line protocol on Interface Ethernet0/1,"
                + " changed state to down");

    assertThat(l.fields()).containsEntry("interface", "Ethernet0/1").containsEntry("state", "down");
  }

  @Test
  void macFlapNamesBothPorts() {
    NetworkLog l =
        one(
            "Jun  3 14:39:05.941: %SW_MATM-4-MACFLAP_NOTIF: Host f03a.b216.7ad7 in vlan 10 is"
                + " flapping between port Gi0/5 and port Gi0/15");

    assertThat(l.fields())
        .containsEntry("mac", "f0:3a:b2:16:7a:d7")
        .containsEntry("vlan", "10")
        .containsEntry("from_port", "Gi0/5")
        .containsEntry("to_port", "Gi0/15");
  }

  @Test
  void cdpDuplexMismatchPoeAndDuplicateAddress() {
    SyslogFixture r =
        SyslogFixture.read(
            TestText.of(NetworkSyslogTest.class, "cdpDuplexMismatchPoeAndDuplicateAddress.log"));
    List<NetworkLog> logs = r.logs();

    assertThat(logs)
        .extracting(NetworkLog::mnemonic)
        .containsExactly("DUPLEX_MISMATCH", "DETECT", "POWER_GRANTED", "DUPADDR", "FAIL");
    assertThat(logs.get(0).fields()).containsEntry("interface", "FastEthernet0/0");
    assertThat(logs.get(1).fields()).containsEntry("interface", "Gi1/0/3");
    assertThat(logs.get(3).fields())
        .containsEntry("ip", "192.168.10.102")
        .containsEntry("interface", "GigabitEthernet0/0")
        .containsEntry("mac", "52:54:00:1d:83:6d");
    assertThat(logs.get(3).timestamp()).isEqualTo(OffsetDateTime.parse("2024-06-29T08:36:31.299Z"));
    assertThat(logs.get(4).host()).isEqualTo("sw1");
    assertThat(logs.get(4).fields())
        .containsEntry("mac", "00:1e:0b:80:13:b5")
        .containsEntry("interface", "Gi1/0/16");
    assertThat(r.summary.unrecognised()).isZero();
  }

  @Test
  void macsInEveryFormAreNormalised() {
    assertThat(Macs.normalise("F03A.B216.7AD7")).isEqualTo("f0:3a:b2:16:7a:d7");
    assertThat(Macs.normalise("f0-3a-b2-16-7a-d7")).isEqualTo("f0:3a:b2:16:7a:d7");
    assertThat(Macs.normalise("F0:3A:B2:16:7A:D7")).isEqualTo("f0:3a:b2:16:7a:d7");
    assertThat(Macs.normalise("2a02:cf40::1")).isNull();
    assertThat(Macs.firstIn("list 1 denied ipv6 2a02:cf40:add:4002:91f2:a9b2:e09a:6fc6")).isNull();
  }

  @Test
  void asaTeardownWithRealLogSpellingAndInitiator() {
    NetworkLog l =
        one(
            "May 18 2025 08:15:03: %ASA-6-302014: Teardown TCP connection 207860548 for"
                + " inside:10.117.142.19/42098 to dmz:192.168.198.28/443 duration 0:00:08 bytes 0"
                + " TCP Reset-O from inside");

    assertThat(l.vendor()).isEqualTo("ASA");
    assertThat(l.mnemonic()).isEqualTo("302014");
    assertThat(l.fields())
        .containsEntry("connection_id", "207860548")
        .containsEntry("protocol", "TCP")
        .containsEntry("src_interface", "inside")
        .containsEntry("src_ip", "10.117.142.19")
        .containsEntry("src_port", "42098")
        .containsEntry("dst_interface", "dmz")
        .containsEntry("dst_ip", "192.168.198.28")
        .containsEntry("dst_port", "443")
        .containsEntry("duration", "0:00:08")
        .containsEntry("duration_seconds", "8")
        .containsEntry("bytes", "0")
        .containsEntry("reason", "TCP Reset-O")
        .containsEntry("initiator", "inside");
    assertThat(l.timestamp()).isEqualTo(OffsetDateTime.parse("2025-05-18T08:15:03Z"));
  }

  @Test
  void asaTeardownDurationTooLongToCountHasNoSecondsButIsStillRead() {
    for (String hours :
        new String[] {
          "2562047788015216", "99999999999999999999"
        }) { // 3600 h overflows a long; not a long
      NetworkLog l =
          one(
              "%ASA-6-302014: Teardown TCP connection 5 for outside:10.0.0.1/5060 to"
                  + " inside:10.1.1.2/49152 duration "
                  + hours
                  + ":00:00 bytes 1234 TCP FINs");

      assertThat(l.fields())
          .containsEntry("duration", hours + ":00:00")
          .doesNotContainKey("duration_seconds")
          .containsEntry("reason", "TCP FINs");
    }
  }

  @Test
  void asaTeardownGuideSpellingIsNormalised() {
    NetworkLog l =
        one(
            "%ASA-6-302014: Teardown TCP connection 5 for outside:10.0.0.1/5060 to"
                + " inside:10.1.1.2/49152 duration 1:02:03 bytes 1234 TCP Reset - I");

    assertThat(l.fields())
        .containsEntry("reason", "TCP Reset-I")
        .doesNotContainKey("initiator")
        .containsEntry("duration_seconds", "3723");
  }

  @Test
  void asaBuiltAndUdp() {
    SyslogFixture r =
        SyslogFixture.read(TestText.of(NetworkSyslogTest.class, "asaBuiltAndUdp.log"));
    List<NetworkLog> logs = r.logs();

    assertThat(logs.get(0).fields())
        .containsEntry("direction", "inbound")
        .containsEntry("dst_mapped_ip", "203.0.113.2");
    assertThat(logs.get(1).fields())
        .containsEntry("protocol", "UDP")
        .containsEntry("connection_id", "12");
    assertThat(logs.get(2).fields())
        .containsEntry("duration_seconds", "121")
        .containsEntry("bytes", "4500")
        .doesNotContainKey("reason");
  }

  @Test
  void asaArpCollisions() {
    SyslogFixture r =
        SyslogFixture.read(TestText.of(NetworkSyslogTest.class, "asaArpCollisions.log"));
    List<NetworkLog> logs = r.logs();

    assertThat(logs.get(0).fields())
        .containsEntry("ip", "10.233.250.16")
        .containsEntry("mac", "20:2d:07:fc:5c:1a")
        .containsEntry("existing_mac", "00:16:a4:21:94:ef")
        .containsEntry("interface", "WLC-LAN_inside")
        .containsEntry("arp", "response");
    assertThat(logs.get(1).fields())
        .containsEntry("ip", "10.1.1.9")
        .containsEntry("mac", "00:11:22:33:44:55");
    assertThat(logs.get(2).fields())
        .containsEntry("ip", "10.1.1.1")
        .containsEntry("mac", "00:11:22:33:44:66")
        .containsEntry("interface", "inside")
        .containsEntry("existing_mac", "00:11:22:33:44:77");
  }

  @Test
  void asaInspectionAclAndUnknownIds() {
    SyslogFixture r =
        SyslogFixture.read(
            TestText.of(NetworkSyslogTest.class, "asaInspectionAclAndUnknownIds.log"));
    List<NetworkLog> logs = r.logs();

    assertThat(logs.get(0).fields())
        .containsEntry("protocol", "sip")
        .containsEntry("reason", "malformed packet")
        .containsEntry("src_ip", "198.51.100.7")
        .containsEntry("dst_port", "5060");
    assertThat(logs.get(1).fields())
        .containsEntry("acl", "inside_in")
        .containsEntry("action", "permitted")
        .containsEntry("src_interface", "inside")
        .containsEntry("dst_ip", "192.168.1.10")
        .containsEntry("hits", "1");
    assertThat(logs.get(2).mnemonic()).isEqualTo("305011");
    assertThat(logs.get(2).fields()).isEmpty();
    assertThat(logs.get(2).message())
        .isEqualTo(
            "Built dynamic TCP translation from inside:172.31.98.44/1772 to"
                + " outside:100.66.98.44/8256");
    assertThat(r.summary.recognised()).isEqualTo(3);
  }

  @Test
  void zoneNamesAndOffsetsBecomeOffsets() {
    SyslogFixture r =
        SyslogFixture.read(
            TestText.of(NetworkSyslogTest.class, "zoneNamesAndOffsetsBecomeOffsets.log"));
    List<NetworkLog> logs = r.logs();

    assertThat(logs.get(0).timestamp())
        .isEqualTo(OffsetDateTime.parse("2025-05-06T16:13:09.123+07:30"));
    assertThat(logs.get(0).host()).isEqualTo("host-01");
    assertThat(logs.get(1).timestamp())
        .isEqualTo(OffsetDateTime.parse("2023-08-12T12:14:24.412-06:00"));
    assertThat(logs.get(2).timestamp())
        .isEqualTo(OffsetDateTime.parse("2025-01-23T14:54:28.511+01:00"));
    assertThat(r.anomalies("syslog-time-without-zone")).isEmpty();
  }
}
