package dev.regdoc.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.pcap4j.core.PcapDumper;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.Pcaps;
import org.pcap4j.packet.ArpPacket;
import org.pcap4j.packet.Dot1qVlanTagPacket;
import org.pcap4j.packet.EthernetPacket;
import org.pcap4j.packet.IpV4Packet;
import org.pcap4j.packet.IpV4Rfc791Tos;
import org.pcap4j.packet.IpV6Packet;
import org.pcap4j.packet.IpV6SimpleFlowLabel;
import org.pcap4j.packet.IpV6SimpleTrafficClass;
import org.pcap4j.packet.Packet;
import org.pcap4j.packet.TcpPacket;
import org.pcap4j.packet.UdpPacket;
import org.pcap4j.packet.UnknownPacket;
import org.pcap4j.packet.namednumber.ArpHardwareType;
import org.pcap4j.packet.namednumber.ArpOperation;
import org.pcap4j.packet.namednumber.DataLinkType;
import org.pcap4j.packet.namednumber.EtherType;
import org.pcap4j.packet.namednumber.IpNumber;
import org.pcap4j.packet.namednumber.IpVersion;
import org.pcap4j.packet.namednumber.TcpPort;
import org.pcap4j.packet.namednumber.UdpPort;
import org.pcap4j.util.MacAddress;

/**
 * Builds small Ethernet captures for parser tests with pcap4j's packet builders and writes them
 * with libpcap's dumper (nanosecond pcap). Frames are numbered from 1 in the order they are added.
 */
public final class TestPcap {
  public static final String PHONE = "10.1.1.10";
  public static final String CUCM = "10.1.1.1";
  public static final String PHONE_MAC = "00:11:22:33:44:55";
  public static final String CUCM_MAC = "00:aa:bb:cc:dd:ee";
  public static final int ACK = 0x10;
  public static final int PSH = 0x08;
  public static final int SYN = 0x02;
  public static final int FIN = 0x01;

  private final List<Packet> packets = new ArrayList<>();
  private final List<Long> nanos = new ArrayList<>();
  private long now = 1_700_000_000_000_000_000L;
  private int vlan = -1;
  private short ipId = 1;

  /** Moves the clock to {@code seconds} after the first frame's time. */
  public TestPcap at(double seconds) {
    now = 1_700_000_000_000_000_000L + Math.round(seconds * 1e9);
    return this;
  }

  /** Tags the following frames with 802.1Q VLAN {@code id}. */
  public TestPcap vlan(int id) {
    vlan = id;
    return this;
  }

  public TestPcap tcp(
      String src, int sport, String dst, int dport, long seq, long ack, int flags, String payload) {
    return tcp(
        src, sport, dst, dport, seq, ack, flags, payload.getBytes(StandardCharsets.ISO_8859_1));
  }

  public TestPcap tcp(
      String src, int sport, String dst, int dport, long seq, long ack, int flags, byte[] payload) {
    InetAddress s = addr(src);
    InetAddress d = addr(dst);
    TcpPacket.Builder tcp =
        new TcpPacket.Builder()
            .srcPort(TcpPort.getInstance((short) sport))
            .dstPort(TcpPort.getInstance((short) dport))
            .sequenceNumber((int) seq)
            .acknowledgmentNumber((int) ack)
            .dataOffset((byte) 5)
            .syn((flags & SYN) != 0)
            .ack((flags & ACK) != 0)
            .psh((flags & PSH) != 0)
            .fin((flags & FIN) != 0)
            .window((short) 0x7fff)
            .srcAddr(s)
            .dstAddr(d)
            .correctChecksumAtBuild(true)
            .correctLengthAtBuild(true);
    if (payload.length > 0) {
      tcp.payloadBuilder(new UnknownPacket.Builder().rawData(payload));
    }
    return ip(s, d, IpNumber.TCP, tcp);
  }

  public TestPcap udp(String src, int sport, String dst, int dport, String payload) {
    InetAddress s = addr(src);
    InetAddress d = addr(dst);
    UdpPacket.Builder udp =
        new UdpPacket.Builder()
            .srcPort(UdpPort.getInstance((short) sport))
            .dstPort(UdpPort.getInstance((short) dport))
            .srcAddr(s)
            .dstAddr(d)
            .correctChecksumAtBuild(true)
            .correctLengthAtBuild(true)
            .payloadBuilder(
                new UnknownPacket.Builder().rawData(payload.getBytes(StandardCharsets.ISO_8859_1)));
    return ip(s, d, IpNumber.UDP, udp);
  }

  /** An Ethernet/IPv4 ARP packet; the Ethernet source is the sender MAC. */
  public TestPcap arp(
      boolean reply, String senderMac, String senderIp, String targetMac, String targetIp) {
    ArpPacket.Builder arp =
        new ArpPacket.Builder()
            .hardwareType(ArpHardwareType.ETHERNET)
            .protocolType(EtherType.IPV4)
            .hardwareAddrLength((byte) 6)
            .protocolAddrLength((byte) 4)
            .operation(reply ? ArpOperation.REPLY : ArpOperation.REQUEST)
            .srcHardwareAddr(MacAddress.getByName(senderMac))
            .srcProtocolAddr(addr(senderIp))
            .dstHardwareAddr(MacAddress.getByName(targetMac))
            .dstProtocolAddr(addr(targetIp));
    String dst = reply ? targetMac : "ff:ff:ff:ff:ff:ff";
    packets.add(
        new EthernetPacket.Builder()
            .srcAddr(MacAddress.getByName(senderMac))
            .dstAddr(MacAddress.getByName(dst))
            .type(EtherType.ARP)
            .payloadBuilder(arp)
            .paddingAtBuild(true)
            .build());
    nanos.add(now);
    return this;
  }

  private TestPcap ip(InetAddress s, InetAddress d, IpNumber proto, Packet.Builder l4) {
    Packet.Builder ip;
    EtherType type;
    if (s instanceof Inet4Address) {
      ip =
          new IpV4Packet.Builder()
              .version(IpVersion.IPV4)
              .tos(IpV4Rfc791Tos.newInstance((byte) 0))
              .identification(ipId++)
              .ttl((byte) 64)
              .protocol(proto)
              .dontFragmentFlag(true)
              .srcAddr((Inet4Address) s)
              .dstAddr((Inet4Address) d)
              .payloadBuilder(l4)
              .correctChecksumAtBuild(true)
              .correctLengthAtBuild(true);
      type = EtherType.IPV4;
    } else {
      ip =
          new IpV6Packet.Builder()
              .version(IpVersion.IPV6)
              .trafficClass(IpV6SimpleTrafficClass.newInstance((byte) 0))
              .flowLabel(IpV6SimpleFlowLabel.newInstance(0))
              .nextHeader(proto)
              .hopLimit((byte) 64)
              .srcAddr((Inet6Address) s)
              .dstAddr((Inet6Address) d)
              .payloadBuilder(l4)
              .correctLengthAtBuild(true);
      type = EtherType.IPV6;
    }
    boolean fromPhone = s.getHostAddress().equals(PHONE) || s.getHostAddress().endsWith(":10");
    EthernetPacket.Builder eth =
        new EthernetPacket.Builder()
            .srcAddr(MacAddress.getByName(fromPhone ? PHONE_MAC : CUCM_MAC))
            .dstAddr(MacAddress.getByName(fromPhone ? CUCM_MAC : PHONE_MAC))
            .paddingAtBuild(true);
    if (vlan >= 0) {
      eth.type(EtherType.DOT1Q_VLAN_TAGGED_FRAMES)
          .payloadBuilder(
              new Dot1qVlanTagPacket.Builder()
                  .priority((byte) 5)
                  .cfi(false)
                  .vid((short) vlan)
                  .type(type)
                  .payloadBuilder(ip));
    } else {
      eth.type(type).payloadBuilder(ip);
    }
    packets.add(eth.build());
    nanos.add(now);
    return this;
  }

  /** Writes the frames with libpcap's dumper as a nanosecond pcap. */
  public Path write(Path file) throws Exception {
    try (PcapHandle dead =
            Pcaps.openDead(DataLinkType.EN10MB, 65535, PcapHandle.TimestampPrecision.NANO);
        PcapDumper dumper = dead.dumpOpen(file.toString())) {
      for (int i = 0; i < packets.size(); i++) {
        long t = nanos.get(i);
        Timestamp ts = new Timestamp((t / 1_000_000_000L) * 1000);
        ts.setNanos((int) (t % 1_000_000_000L));
        dumper.dump(packets.get(i), ts);
      }
    }
    return file;
  }

  /** The raw bytes of frame {@code n} (1-based), e.g. to write it again with another framing. */
  public byte[] frame(int n) {
    return packets.get(n - 1).getRawData();
  }

  public int size() {
    return packets.size();
  }

  private static InetAddress addr(String s) {
    try {
      return InetAddress.getByName(s);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(s, e);
    }
  }

  /** A little-endian microsecond pcap written byte by byte: any link type, any caplen and len. */
  public static final class Raw {
    private final ByteBuffer buf = ByteBuffer.allocate(1 << 20).order(ByteOrder.LITTLE_ENDIAN);

    public Raw(int linkType, int snaplen) {
      buf.putInt(0xa1b2c3d4)
          .putShort((short) 2)
          .putShort((short) 4)
          .putInt(0)
          .putInt(0)
          .putInt(snaplen)
          .putInt(linkType);
    }

    /** A record of {@code data} claiming original length {@code len}. */
    public Raw record(int seconds, byte[] data, int len) {
      buf.putInt(1_700_000_000 + seconds).putInt(0).putInt(data.length).putInt(len).put(data);
      return this;
    }

    public Raw record(int seconds, byte[] data) {
      return record(seconds, data, data.length);
    }

    public Path write(Path file) throws IOException {
      try (OutputStream out = Files.newOutputStream(file)) {
        out.write(buf.array(), 0, buf.position());
      }
      return file;
    }
  }
}
