package dev.regdoc.devconfig;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regdoc.facts.AsaInterfaceConfig;
import dev.regdoc.facts.FactCollector;
import dev.regdoc.facts.SwitchPortConfig;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class ConfigReadersTest {
  private final FactCollector facts = new FactCollector();

  @Test
  void iosInterfaceBlocksWithPortSecurity() throws IOException {
    new IosConfigReader().read("sw.txt", new BufferedReader(new StringReader("""
        hostname access-sw
        interface GigabitEthernet1/0/12
         switchport access vlan 10
         switchport voice vlan 110
         switchport port-security maximum 2
         switchport port-security violation restrict
         switchport port-security aging time 1
         switchport port-security aging type inactivity
         switchport port-security mac-address sticky 0024.142d.df24
         switchport port-security
        !
        interface GigabitEthernet1/0/13
         switchport port-security aging time 5
         shutdown
        !
        """)), facts);
    var ports = facts.of(SwitchPortConfig.class);
    assertThat(ports).hasSize(2);
    SwitchPortConfig p = ports.get(0);
    assertThat(p.host()).isEqualTo("access-sw");
    assertThat(p.interfaceName()).isEqualTo("GigabitEthernet1/0/12");
    assertThat(p.portSecurity()).isTrue();
    assertThat(p.agingMinutes()).isEqualTo(1);
    assertThat(p.agingType()).isEqualTo("inactivity");
    assertThat(p.maximum()).isEqualTo(2);
    assertThat(p.violation()).isEqualTo("restrict");
    assertThat(p.stickyMacs()).containsExactly("00:24:14:2d:df:24");
    assertThat(p.accessVlan()).isEqualTo(10);
    assertThat(p.voiceVlan()).isEqualTo(110);
    assertThat(p.origin().line()).isEqualTo(2);
    assertThat(ports.get(1).agingType()).isEqualTo("absolute"); // IOS default when only the time is set
    assertThat(ports.get(1).portSecurity()).isFalse();
    assertThat(ports.get(1).shutdown()).isTrue();
  }

  @Test
  void showPortSecurityOutput() throws IOException {
    new IosConfigReader().read("show.txt", new BufferedReader(new StringReader("""
        switch#show port-security interface Gi1/0/12
        Port Security              : Enabled
        Port Status                : Secure-up
        Violation Mode             : Restrict
        Aging Time                 : 1 mins
        Aging Type                 : Inactivity
        SecureStatic Address Aging : Disabled
        Maximum MAC Addresses      : 2
        """)), facts);
    SwitchPortConfig p = facts.of(SwitchPortConfig.class).get(0);
    assertThat(p.interfaceName()).isEqualTo("Gi1/0/12");
    assertThat(p.portSecurity()).isTrue();
    assertThat(p.agingMinutes()).isEqualTo(1);
    assertThat(p.agingType()).isEqualTo("inactivity");
    assertThat(p.maximum()).isEqualTo(2);
    assertThat(p.violation()).isEqualTo("restrict");
  }

  @Test
  void asaProxyArpIsOnUnlessSysoptSaysOtherwise() throws IOException {
    new AsaConfigReader().read("asa.txt", new BufferedReader(new StringReader("""
        ASA Version 9.8(4)
        hostname fw
        interface GigabitEthernet0/0
         nameif outside
         ip address 203.0.113.2 255.255.255.248
        !
        interface GigabitEthernet0/1
         nameif inside
         ip address 192.0.2.1 255.255.255.0
        !
        interface GigabitEthernet0/2
         nameif dmz
         ip address 198.51.100.1 255.255.255.0
        !
        sysopt noproxyarp outside
        sysopt noproxyarp dmz
        no sysopt noproxyarp dmz
        """)), facts);
    var ifs = facts.of(AsaInterfaceConfig.class);
    assertThat(ifs).extracting(AsaInterfaceConfig::nameif).containsExactly("outside", "inside", "dmz");
    assertThat(ifs).extracting(AsaInterfaceConfig::proxyArp).containsExactly(false, true, true);
    assertThat(ifs.get(1).ip()).isEqualTo("192.0.2.1 255.255.255.0");
    assertThat(ifs.get(1).host()).isEqualTo("fw");
  }
}
