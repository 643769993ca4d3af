package dev.regdoc.facts;

import java.util.List;

/**
 * One IOS interface block with its port-security and VLAN settings.
 *
 * @param agingMinutes switchport port-security aging time; null when not configured (IOS default 0
 *     = none)
 * @param agingType "absolute" (IOS default) or "inactivity"
 * @param description the interface description, null when none
 */
public record SwitchPortConfig(
    Origin origin,
    String host,
    String interfaceName,
    boolean portSecurity,
    Integer maximum,
    Integer agingMinutes,
    String agingType,
    boolean agingStatic,
    String violation,
    boolean sticky,
    List<String> stickyMacs,
    Integer accessVlan,
    Integer voiceVlan,
    boolean shutdown,
    String description)
    implements Fact {}
