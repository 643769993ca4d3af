package dev.regdoc.capture;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import java.lang.reflect.Field;
import java.time.Instant;
import org.pcap4j.core.PcapHandle;

/**
 * The per-packet calls into libpcap for an offline handle that pcap4j opened: pcap_next_ex, and
 * where libpcap's stdio stream stands (pcap_file + ftell). Read after a packet, the position is the
 * end offset of its record, which {@link FrameIndex} turns into the frame number even though the
 * BPF filter skipped frames in between.
 *
 * <p>Why not pcap4j's loop(): on signaling-dense captures nearly every frame passes the filter, and
 * pcap4j's per-packet JNA callback plus its timestamp and length lookups (more native calls and
 * objects per frame) cost more than decoding the frame. JNA direct mapping here costs one native
 * call and one copy per frame.
 */
final class NativePcap {
  /** libpcap, the same library pcap4j loaded. */
  static final class Pcap {
    static {
      Native.register(
          Pcap.class,
          NativeLibrary.getInstance(System.getProperty("org.pcap4j.core.pcapLibName", "pcap")));
    }

    static native Pointer pcap_file(Pointer pcap);

    static native int pcap_next_ex(
        Pointer pcap, PointerByReference header, PointerByReference data);

    static native String pcap_geterr(Pointer pcap);
  }

  /** The C library's ftell (long is 64 bits on the Linux targets regdoc runs on). */
  static final class LibC {
    static {
      Native.register(LibC.class, NativeLibrary.getInstance("c"));
    }

    static native long ftell(Pointer stream);
  }

  /** What {@link #next} found. */
  enum Result {
    PACKET,
    END,
    ERROR
  }

  // struct pcap_pkthdr on LP64: struct timeval (two longs; nanoseconds with NANO precision),
  // caplen, len
  private static final int TS_SEC = 0;
  private static final int TS_FRACTION = 8;
  private static final int CAPLEN = 16;
  private static final int LEN = 20;

  private final Pointer pcap;
  private final Pointer stream;
  private final PointerByReference header = new PointerByReference();
  private final PointerByReference data = new PointerByReference();

  /**
   * The latest time shown: nanoseconds since 1970 still fit a long, so any two frame times are a
   * Duration whose nanoseconds can be taken. pcapng's free timestamp resolution lets a damaged file
   * give libpcap seconds far beyond (even beyond what Instant holds).
   */
  static final Instant LATEST = Instant.ofEpochSecond(0, Long.MAX_VALUE);

  /** Set by {@link #next} for the packet it returned. */
  byte[] packet;

  Instant time;
  int originalLength;

  /**
   * Packets whose time was before 1970 or after {@link #LATEST}, given the nearest of those
   * instead.
   */
  long timesOutOfRange;

  private NativePcap(Pointer pcap) {
    this.pcap = pcap;
    this.stream = Pcap.pcap_file(pcap);
  }

  static NativePcap of(PcapHandle handle) {
    try {
      Field f = PcapHandle.class.getDeclaredField("handle");
      f.setAccessible(true);
      return new NativePcap((Pointer) f.get(handle));
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("this pcap4j version hides its native handle", e);
    }
  }

  /**
   * Reads the next packet that passes the handle's filter into {@link #packet} (a fresh array of
   * the captured length: the decoder relies on its bounds), {@link #time} and {@link
   * #originalLength}.
   */
  Result next() {
    int rc = Pcap.pcap_next_ex(pcap, header, data);
    if (rc != 1) {
      return rc == -2 ? Result.END : Result.ERROR;
    }
    Pointer h = header.getValue();
    int captured = h.getInt(CAPLEN);
    packet = data.getValue().getByteArray(0, captured);
    time = time(h.getLong(TS_SEC), h.getLong(TS_FRACTION));
    originalLength = h.getInt(LEN);
    return Result.PACKET;
  }

  private Instant time(long seconds, long nanos) {
    // seconds within [0, LATEST] keep seconds + nanos / 1e9 within what Instant holds whatever
    // nanos is
    Instant t =
        seconds < 0
            ? Instant.EPOCH.minusNanos(1)
            : seconds > LATEST.getEpochSecond()
                ? LATEST.plusNanos(1)
                : Instant.ofEpochSecond(seconds, nanos);
    if (t.isBefore(Instant.EPOCH) || t.isAfter(LATEST)) {
      timesOutOfRange++;
      return t.isBefore(Instant.EPOCH) ? Instant.EPOCH : LATEST;
    }
    return t;
  }

  /** libpcap's message for the last error. */
  String error() {
    return Pcap.pcap_geterr(pcap);
  }

  long position() {
    return LibC.ftell(stream);
  }
}
