package dev.regdoc.timeline;

import static dev.regdoc.facts.SignalingPort.isSignaling;

import dev.regdoc.common.DisplayNames;
import dev.regdoc.common.WorkLimit;
import dev.regdoc.facts.ArpBinding;
import dev.regdoc.facts.CucmAlarm;
import dev.regdoc.facts.Endpoints;
import dev.regdoc.facts.FactCollector;
import dev.regdoc.facts.MacPath;
import dev.regdoc.facts.SccpMessage;
import dev.regdoc.facts.SignalingPort;
import dev.regdoc.facts.SipMessage;
import dev.regdoc.facts.TlsSegment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Who is who: which addresses are phones and which are CUCM servers, and what each phone is called.
 * A phone is named by its SEP device name where any source gives it, else by MAC, else by IP.
 */
final class DeviceDirectory {
  private static final Pattern SEP = Pattern.compile("SEP([0-9A-F]{12})");

  private final Map<String, String> nameByIp = new LinkedHashMap<>();
  private final Map<String, String> macByIp = new LinkedHashMap<>();
  private final Set<String> servers = new LinkedHashSet<>();
  private final Map<String, Set<String>> serversByPhoneIp = new LinkedHashMap<>();
  private final Map<String, SignalingPort> protocolByIp = new LinkedHashMap<>();
  // the +sip.instance MAC each phone last sent: its MAC is written out again only when it changes
  private final Map<String, String> instanceMacByIp = new HashMap<>();
  private Map<String, String> ipById;

  DeviceDirectory(FactCollector facts) {
    facts.of(SipMessage.class).stream()
        .filter(m -> m.request() && m.isRegister())
        .forEach(this::sipRegister);
    facts.of(SccpMessage.class).forEach(this::sccp);
    facts.of(CucmAlarm.class).forEach(this::alarm);
    for (TlsSegment t : facts.of(TlsSegment.class)) {
      Endpoints e = t.endpoints();
      SignalingPort.of(e.dstPort())
          .filter(SignalingPort::tls)
          .ifPresent(p -> contact(e.srcIp(), e.dstIp(), p));
    }
    facts.of(ArpBinding.class).forEach(b -> learnMac(b.ip(), b.mac()));
    facts.of(MacPath.class).stream()
        .filter(p -> servers.contains(p.dstIp()))
        .forEach(p -> learnMac(p.srcIp(), p.srcMac()));
  }

  private void sipRegister(SipMessage m) {
    String phone = m.endpoints().srcIp();
    contact(phone, m.endpoints().dstIp(), SignalingPort.SIP);
    if (m.deviceName() != null) {
      name(phone, m.deviceName());
    } else if (m.instanceMac() != null) {
      name(phone, "SEP" + m.instanceMac().toUpperCase(Locale.ROOT));
    }
    if (m.instanceMac() != null
        && !m.instanceMac().equals(instanceMacByIp.put(phone, m.instanceMac()))) {
      macByIp.put(phone, colonMac(m.instanceMac()));
    }
  }

  private void sccp(SccpMessage m) {
    Endpoints e = m.endpoints();
    boolean fromPhone = isSignaling(e.dstPort()) && !isSignaling(e.srcPort());
    String phone = fromPhone ? e.srcIp() : e.dstIp();
    contact(phone, fromPhone ? e.dstIp() : e.srcIp(), SignalingPort.SCCP);
    if (m.deviceName() != null && !m.deviceName().isBlank()) {
      name(phone, m.deviceName().toUpperCase(Locale.ROOT));
    }
  }

  private void alarm(CucmAlarm a) {
    if (a.ipAddress() != null && a.deviceName() != null) {
      name(a.ipAddress().trim(), a.deviceName().trim().toUpperCase(Locale.ROOT));
    }
  }

  private void contact(String phone, String server, SignalingPort signaling) {
    servers.add(server);
    serversByPhoneIp.computeIfAbsent(phone, k -> new LinkedHashSet<>()).add(server);
    protocolByIp.putIfAbsent(phone, signaling);
  }

  private void name(String ip, String raw) {
    if (nameByIp.containsKey(ip) && macByIp.containsKey(ip)) {
      return; // both known: every message after a phone's first would change neither
    }
    String name = DisplayNames.clean(raw); // from a packet or a log line: may carry anything
    nameByIp.putIfAbsent(ip, name);
    var m = SEP.matcher(name);
    if (m.matches()) {
      macByIp.putIfAbsent(ip, colonMac(m.group(1).toLowerCase(Locale.ROOT)));
    }
  }

  private void learnMac(String ip, String mac) {
    if (mac != null
        && !mac.equals("00:00:00:00:00:00")
        && !mac.equals("ff:ff:ff:ff:ff:ff")
        && serversByPhoneIp.containsKey(ip)) {
      macByIp.putIfAbsent(ip, mac);
    }
  }

  static String colonMac(String hex12) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 12; i += 2) {
      sb.append(i > 0 ? ":" : "").append(hex12, i, i + 2);
    }
    return sb.toString();
  }

  boolean isServer(String ip) {
    return servers.contains(ip);
  }

  boolean isPhone(String ip) {
    return serversByPhoneIp.containsKey(ip) || nameByIp.containsKey(ip);
  }

  /** The phone's address in a conversation between a phone and a server. */
  String phoneIp(Endpoints e) {
    if (isServer(e.dstIp()) && !isServer(e.srcIp())) {
      return e.srcIp();
    }
    if (isServer(e.srcIp()) && !isServer(e.dstIp())) {
      return e.dstIp();
    }
    return isSignaling(e.dstPort()) && !isSignaling(e.srcPort()) ? e.srcIp() : e.dstIp();
  }

  String serverIp(Endpoints e) {
    String phone = phoneIp(e);
    return phone.equals(e.srcIp()) ? e.dstIp() : e.srcIp();
  }

  String deviceFor(String ip) {
    String name = nameByIp.get(ip);
    if (name != null) {
      return name;
    }
    String mac = macByIp.get(ip);
    return mac != null ? mac : ip;
  }

  /** The device whose name, MAC or IP is {@code id} (case-insensitive), or null. */
  String ipOfDevice(String id) {
    if (ipById == null) {
      // built once, after every source has been read: a lookup per log line must not walk every
      // phone
      ipById = new HashMap<>();
      for (String ip : allPhoneIps()) {
        WorkLimit.checkpoint();
        ipById.putIfAbsent(deviceFor(ip).toUpperCase(Locale.ROOT), ip);
        ipById.putIfAbsent(ip.toUpperCase(Locale.ROOT), ip);
        String mac = macByIp.get(ip);
        if (mac != null) {
          ipById.putIfAbsent(mac.toUpperCase(Locale.ROOT), ip);
        }
      }
    }
    return ipById.get(id.toUpperCase(Locale.ROOT));
  }

  String macOf(String ip) {
    return macByIp.get(ip);
  }

  List<DeviceInfo> devices() {
    Map<String, DeviceInfo> byId = new LinkedHashMap<>();
    for (String ip : allPhoneIps()) {
      String id = deviceFor(ip);
      DeviceInfo prev = byId.get(id);
      List<String> ips = new ArrayList<>(prev == null ? List.of() : prev.ips());
      ips.add(ip);
      List<String> srv = new ArrayList<>(prev == null ? List.of() : prev.servers());
      serversByPhoneIp.getOrDefault(ip, Set.of()).stream()
          .filter(s -> !srv.contains(s))
          .forEach(srv::add);
      byId.put(
          id,
          new DeviceInfo(id, nameByIp.get(ip), macByIp.get(ip), ips, srv, protocolByIp.get(ip)));
    }
    return new ArrayList<>(byId.values());
  }

  private Set<String> allPhoneIps() {
    Set<String> all = new LinkedHashSet<>(serversByPhoneIp.keySet());
    all.addAll(nameByIp.keySet());
    return all;
  }
}
