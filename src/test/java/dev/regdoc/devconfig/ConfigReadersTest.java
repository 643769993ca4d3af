package dev.regdoc.devconfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.regdoc.facts.AsaConnTimeout;
import dev.regdoc.facts.AsaInterfaceConfig;
import dev.regdoc.facts.Fact;
import dev.regdoc.facts.InterfaceCounters;
import dev.regdoc.facts.SwitchPortConfig;
import dev.regdoc.facts.TextReader;
import dev.regdoc.facts.TextSummary;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigReadersTest {

  private final List<Fact> facts = new ArrayList<>();

  private TextSummary read(TextReader reader, String text) throws IOException {
    return reader.read("config.txt", new BufferedReader(new StringReader(text)), facts::add);
  }

  private List<SwitchPortConfig> ports() {
    return facts.stream().map(SwitchPortConfig.class::cast).toList();
  }

  private List<AsaInterfaceConfig> asaInterfaces() {
    return facts.stream()
        .filter(AsaInterfaceConfig.class::isInstance)
        .map(AsaInterfaceConfig.class::cast)
        .toList();
  }

  static final String SWITCH =
      """
      Building configuration...

      Current configuration : 2143 bytes
      !
      version 15.2
      hostname access-sw1
      !
      spanning-tree mode rapid-pvst
      !
      interface GigabitEthernet1/0/5
       description Phone desk 12
       switchport access vlan 10
       switchport mode access
       switchport voice vlan 110
       switchport port-security maximum 2
       switchport port-security violation restrict
       switchport port-security aging time 1
       switchport port-security aging type inactivity
       switchport port-security
       spanning-tree portfast
      !
      interface GigabitEthernet1/0/6
       switchport access vlan 10
       switchport port-security aging time 5
       switchport port-security mac-address sticky
       switchport port-security mac-address sticky 0024.142d.df24
       switchport port-security mac-address sticky 0024.142d.df25 vlan voice
       switchport port-security aging static
       switchport port-security
       shutdown
      interface Vlan1
       no ip address
       shutdown
      !
      end
      """;

  @Test
  void voicePortWithInactivityAgingOfOneMinute() throws IOException {
    TextSummary s = read(new IosConfigReader(), SWITCH);
    SwitchPortConfig phone = ports().get(0);

    assertThat(phone.interfaceName()).isEqualTo("GigabitEthernet1/0/5");
    assertThat(phone.host()).isEqualTo("access-sw1");
    assertThat(phone.portSecurity()).isTrue();
    assertThat(phone.maximum()).isEqualTo(2);
    assertThat(phone.agingMinutes()).isEqualTo(1);
    assertThat(phone.agingType()).isEqualTo("inactivity");
    assertThat(phone.agingStatic()).isFalse();
    assertThat(phone.violation()).isEqualTo("restrict");
    assertThat(phone.sticky()).isFalse();
    assertThat(phone.accessVlan()).isEqualTo(10);
    assertThat(phone.voiceVlan()).isEqualTo(110);
    assertThat(phone.shutdown()).isFalse();
    assertThat(phone.origin().line()).isEqualTo(10);

    assertThat(s.recognised()).isEqualTo(3);
    // Building configuration, Current configuration, version, spanning-tree mode, mode access,
    // portfast,
    // no ip address (the description is read: it can name the phone)
    assertThat(s.unrecognised()).isEqualTo(7);
    assertThat(s.problems()).isEmpty();
  }

  @Test
  void agingTimeWithoutTypeIsAbsoluteAndStickyMacsAreNormalised() throws IOException {
    read(new IosConfigReader(), SWITCH);
    SwitchPortConfig second = ports().get(1);
    SwitchPortConfig vlan1 = ports().get(2);

    assertThat(second.agingMinutes()).isEqualTo(5);
    assertThat(second.agingType()).isEqualTo("absolute");
    assertThat(second.agingStatic()).isTrue();
    assertThat(second.sticky()).isTrue();
    assertThat(second.stickyMacs()).containsExactly("00:24:14:2d:df:24", "00:24:14:2d:df:25");
    assertThat(second.shutdown()).isTrue();
    assertThat(second.voiceVlan()).isNull();
    // "interface Vlan1" follows without "!": the previous block still ends there
    assertThat(vlan1.interfaceName()).isEqualTo("Vlan1");
    assertThat(vlan1.portSecurity()).isFalse();
    assertThat(vlan1.agingMinutes()).isNull();
    assertThat(vlan1.agingType()).isNull();
    assertThat(vlan1.shutdown()).isTrue();
  }

  @Test
  void showPortSecurityInterfaceOutput() throws IOException {
    String text =
        """
        access-sw1#show port-security interface GigabitEthernet1/0/5
        Port Security              : Enabled
        Port Status                : Secure-up
        Violation Mode             : Restrict
        Aging Time                 : 1 mins
        Aging Type                 : Inactivity
        SecureStatic Address Aging : Disabled
        Maximum MAC Addresses      : 2
        Total MAC Addresses        : 2
        Configured MAC Addresses   : 0
        Sticky MAC Addresses       : 1
        Last Source Address:Vlan   : 0024.142d.df24:110
        Security Violation Count   : 0

        access-sw1#
        """;
    TextSummary s = read(new IosConfigReader(), text);
    SwitchPortConfig p = ports().get(0);

    assertThat(ports()).hasSize(1);
    assertThat(p.interfaceName()).isEqualTo("GigabitEthernet1/0/5");
    assertThat(p.host()).isEqualTo("access-sw1");
    assertThat(p.portSecurity()).isTrue();
    assertThat(p.violation()).isEqualTo("restrict");
    assertThat(p.agingMinutes()).isEqualTo(1);
    assertThat(p.agingType()).isEqualTo("inactivity");
    assertThat(p.agingStatic()).isFalse();
    assertThat(p.maximum()).isEqualTo(2);
    assertThat(p.sticky()).isTrue();
    assertThat(s.recognised()).isEqualTo(1);
  }

  @Test
  void showOutputWithoutTheCommandLineHasAnUnknownInterface() throws IOException {
    read(
        new IosConfigReader(),
        "Port Security              : Disabled\nAging Time                 : 0 mins\n");

    assertThat(ports())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.interfaceName()).isEqualTo("unknown");
              assertThat(p.portSecurity()).isFalse();
              assertThat(p.agingMinutes()).isZero();
            });
  }

  @Test
  void somethingThatIsNotAConfigSaysSo() throws IOException {
    TextSummary s = read(new IosConfigReader(), "hello\nworld\n");

    assertThat(facts).isEmpty();
    assertThat(s.unrecognised()).isEqualTo(2);
    assertThat(s.problems())
        .containsExactly(
            "no interface blocks and no \"show port-security interface\" output found");
  }

  static final String ASA =
      """
      : Saved
      :
      ASA Version 9.8(2)
      !
      hostname edge-asa
      names
      !
      interface GigabitEthernet0/0
       nameif outside
       security-level 0
       ip address 203.0.113.2 255.255.255.0
      !
      interface GigabitEthernet0/1
       nameif inside
       security-level 100
       ip address 10.1.1.1 255.255.255.0 standby 10.1.1.2
      !
      interface Management0/0
       shutdown
       no nameif
       no ip address
      !
      access-list inside_in extended permit ip any any
      sysopt noproxyarp outside
      policy-map global_policy
       class inspection_default
        inspect sip
      : end
      """;

  @Test
  void asaProxyArpIsOffOnlyWhereSysoptSaysSo() throws IOException {
    TextSummary s = read(new AsaConfigReader(), ASA);

    assertThat(asaInterfaces())
        .extracting(AsaInterfaceConfig::nameif)
        .containsExactly("outside", "inside");
    AsaInterfaceConfig outside = asaInterfaces().get(0);
    AsaInterfaceConfig inside = asaInterfaces().get(1);
    assertThat(outside.proxyArp()).isFalse();
    assertThat(outside.interfaceName()).isEqualTo("GigabitEthernet0/0");
    assertThat(outside.ip()).isEqualTo("203.0.113.2 255.255.255.0");
    assertThat(outside.host()).isEqualTo("edge-asa");
    assertThat(outside.origin().line()).isEqualTo(8);
    assertThat(inside.proxyArp()).isTrue();
    assertThat(inside.ip()).isEqualTo("10.1.1.1 255.255.255.0");
    assertThat(s.recognised()).isEqualTo(2);
    // ": Saved", ":", names, 2x security-level, shutdown, no ip address, access-list, inspect, ":
    // end"
    // (policy-map and class are read: a class may set an idle timeout)
    assertThat(s.unrecognised()).isEqualTo(10);
  }

  @Test
  void asaConnectionIdleTimeoutsGlobalAndPerPolicyClass() throws IOException {
    read(
        new AsaConfigReader(),
        ASA
            + "timeout conn 0:01:30 half-closed 0:10:00 udp 0:02:00\n"
            + "policy-map global_policy\n"
            + " class voice-signalling\n"
            + "  set connection timeout embryonic 0:00:30 idle 2:00:00 reset\n");

    List<AsaConnTimeout> t =
        facts.stream()
            .filter(AsaConnTimeout.class::isInstance)
            .map(AsaConnTimeout.class::cast)
            .toList();
    assertThat(t).extracting(AsaConnTimeout::seconds).containsExactly(90, 7200);
    assertThat(t)
        .extracting(AsaConnTimeout::policyClass)
        .containsExactly(null, "global_policy/voice-signalling");
    assertThat(t.get(0).host()).isEqualTo("edge-asa");
  }

  @Test
  void aTimeoutTooLargeForAnyClockIsNotATimeoutAndNoError() throws IOException {
    TextSummary s =
        read(
            new AsaConfigReader(),
            ASA
                + "timeout conn 99999999999999:00:00\n"
                + "policy-map global_policy\n"
                + " class voice\n"
                + "  set connection timeout idle 99999999999999:00:00\n");
    assertThat(facts).noneMatch(AsaConnTimeout.class::isInstance);
    assertThat(s.recognised()).isPositive();
  }

  @Test
  void noSysoptNoproxyarpTurnsProxyArpBackOn() throws IOException {
    read(new AsaConfigReader(), ASA + "no sysopt noproxyarp outside\nsysopt noproxyarp inside\n");

    assertThat(asaInterfaces())
        .extracting(AsaInterfaceConfig::proxyArp)
        .containsExactly(true, false);
  }

  @Test
  void numbersTooLargeForAnyPortAreUnrecognisedNotFatal() throws IOException {
    TextSummary s =
        read(
            new IosConfigReader(),
            """
            interface GigabitEthernet1/0/7
             switchport port-security maximum 99999999999
             switchport port-security aging time 99999999999
             switchport access vlan 99999999999
             switchport voice vlan 99999999999
             switchport port-security
            !
            show port-security interface Gi1/0/8
            Port Security              : Enabled
            Aging Time                 : 99999999999 mins
            Maximum MAC Addresses      : 99999999999
            Sticky MAC Addresses       : 99999999999
            """);
    assertThat(ports()).hasSize(2);
    assertThat(ports().get(0))
        .satisfies(
            p -> {
              assertThat(p.portSecurity()).isTrue();
              assertThat(p.maximum()).isNull();
              assertThat(p.agingMinutes()).isNull();
              assertThat(p.accessVlan()).isNull();
              assertThat(p.voiceVlan()).isNull();
            });
    assertThat(ports().get(1))
        .satisfies(
            p -> {
              assertThat(p.portSecurity()).isTrue();
              assertThat(p.maximum()).isNull();
              assertThat(p.agingMinutes()).isNull();
              assertThat(p.sticky()).isFalse();
            });
    assertThat(s.unrecognised()).isEqualTo(4);
  }

  @Test
  void showInterfacesGivesThePortsErrorCountersBesideItsConfiguration() throws IOException {
    read(
        new IosConfigReader(),
        """
        hostname access-sw1
        interface Gi1/0/12
         description IP phone SEP0A1AB0000045
         speed 100
         duplex full
        !
        access-sw1#show interfaces GigabitEthernet1/0/12
        GigabitEthernet1/0/12 is up, line protocol is up (connected)
          Full-duplex, 100Mb/s, media type is 10/100/1000BaseTX
             7 runts, 0 giants, 0 throttles
             16 input errors, 9 CRC, 0 frame, 0 overrun, 0 ignored
             0 babbles, 2 late collision, 0 deferred
        Gi1/0/13 is down, line protocol is down (notconnect)
          Auto-duplex, Auto-speed, media type is 10/100/1000BaseTX
        """);
    List<InterfaceCounters> counters =
        facts.stream()
            .filter(InterfaceCounters.class::isInstance)
            .map(InterfaceCounters.class::cast)
            .toList();
    assertThat(counters)
        .extracting(
            InterfaceCounters::interfaceName,
            InterfaceCounters::duplex,
            InterfaceCounters::runts,
            InterfaceCounters::crc,
            InterfaceCounters::lateCollisions)
        .containsExactly(
            tuple("GigabitEthernet1/0/12", "full", 7L, 9L, 2L),
            tuple("Gi1/0/13", "auto", 0L, 0L, 0L));
    assertThat(facts).filteredOn(SwitchPortConfig.class::isInstance).hasSize(1);
  }
}
