package dev.regdoc.capture;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import java.lang.reflect.Field;
import org.pcap4j.core.PcapHandle;

/**
 * Where libpcap's stdio stream stands in an offline capture (pcap_file + ftell). Read in the packet
 * callback it is the end offset of the record just delivered, which {@link FrameIndex} turns into
 * the frame number even though the BPF filter skipped frames in between.
 */
final class NativeFilePosition {
  /** libpcap's accessor for an offline handle's FILE*. */
  public interface PcapFile extends Library {
    Pointer pcap_file(Pointer pcap);
  }

  /** The C library's ftell. */
  public interface LibC extends Library {
    NativeLong ftell(Pointer stream);
  }

  private static final PcapFile PCAP = Native.load(System.getProperty("org.pcap4j.core.pcapLibName", "pcap"), PcapFile.class);
  private static final LibC LIBC = Native.load("c", LibC.class);

  private final Pointer stream;

  private NativeFilePosition(Pointer stream) {
    this.stream = stream;
  }

  static NativeFilePosition of(PcapHandle handle) {
    try {
      Field f = PcapHandle.class.getDeclaredField("handle");
      f.setAccessible(true);
      return new NativeFilePosition(PCAP.pcap_file((Pointer) f.get(handle)));
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("this pcap4j version hides its native handle", e);
    }
  }

  long position() {
    return LIBC.ftell(stream).longValue();
  }
}
