package dev.regdoc.devconfig;

import dev.regdoc.facts.Origin;
import dev.regdoc.facts.SwitchPortConfig;
import java.util.ArrayList;
import java.util.List;

/** Collects one interface's settings while its block is read. */
final class PortSecurityBuilder {

  final long line;
  final String interfaceName;
  boolean portSecurity;
  Integer maximum;
  Integer agingMinutes;
  String agingType;
  boolean agingStatic;
  String violation;
  boolean sticky;
  final List<String> stickyMacs = new ArrayList<>();
  Integer accessVlan;
  Integer voiceVlan;
  boolean shutdown;
  String description;

  PortSecurityBuilder(long line, String interfaceName) {
    this.line = line;
    this.interfaceName = interfaceName;
  }

  SwitchPortConfig build(String file, String host) {
    // IOS: "aging time" without "aging type" ages absolutely
    String type = agingType == null && agingMinutes != null ? "absolute" : agingType;
    return new SwitchPortConfig(
        Origin.line(file, line, null),
        host,
        interfaceName,
        portSecurity,
        maximum,
        agingMinutes,
        type,
        agingStatic,
        violation,
        sticky,
        List.copyOf(stickyMacs),
        accessVlan,
        voiceVlan,
        shutdown,
        description);
  }
}
