package dev.regdoc.capture;

import static dev.regdoc.capture.Bytes.u16;

import dev.regdoc.facts.ArpBinding;
import dev.regdoc.facts.ArpPacket;
import dev.regdoc.facts.FactSink;
import dev.regdoc.facts.Origin;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** ARP requests and replies, and the IP to MAC bindings they announce over time. */
final class ArpTracker {
  private static final int MAX_IPS = 65_536;
  private static final int MAX_MACS_PER_IP = 16;

  private final String file;
  private final FactSink sink;
  private final Map<String, Set<String>> macsByIp = new HashMap<>();
  private final Map<String, String> current = new HashMap<>();

  ArpTracker(String file, FactSink sink) {
    this.file = file;
    this.sink = sink;
  }

  /**
   * @return false when the packet is not an IPv4 ARP request or reply with 6-byte MACs (hardware
   *     type 1 Ethernet, or 6 IEEE 802 as sent in 802.2 LLC/SNAP framing)
   */
  boolean handle(DecodedFrame f) {
    byte[] d = f.data;
    int o = f.l3Offset;
    int hardware = u16(d, o);
    if ((hardware != 1 && hardware != 6)
        || u16(d, o + 2) != 0x0800
        || d[o + 4] != 6
        || d[o + 5] != 4) {
      return false;
    }
    int op = u16(d, o + 6);
    if (op != 1 && op != 2) {
      return false; // RARP, InARP or a damaged frame: no binding can be trusted from it
    }
    String senderMac = Bytes.mac(d, o + 8);
    String senderIp = Bytes.ipv4(d, o + 14);
    String targetMac = Bytes.mac(d, o + 18);
    String targetIp = Bytes.ipv4(d, o + 24);
    boolean gratuitous = senderIp.equals(targetIp);
    Origin origin = Origin.frame(file, f.frame, f.time);
    sink.accept(
        new ArpPacket(
            origin, op == 2, senderMac, senderIp, targetMac, targetIp, f.srcMac(), gratuitous));
    if (!"0.0.0.0".equals(senderIp)) {
      bind(origin, senderIp, senderMac);
    }
    return true;
  }

  private void bind(Origin origin, String ip, String mac) {
    String previous = current.get(ip);
    if (mac.equals(previous) || (previous == null && current.size() >= MAX_IPS)) {
      return;
    }
    current.put(ip, mac);
    Set<String> macs = macsByIp.computeIfAbsent(ip, k -> new LinkedHashSet<>());
    if (macs.size() < MAX_MACS_PER_IP) {
      macs.add(mac);
    }
    sink.accept(new ArpBinding(origin, ip, mac, previous, macs.size() > 1));
  }
}
