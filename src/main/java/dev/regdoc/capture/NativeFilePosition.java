package dev.regdoc.capture;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import java.lang.reflect.Field;
import org.pcap4j.core.PcapHandle;

/**
 * Where libpcap's stdio stream stands in an offline capture (pcap_file + ftell). Read in the packet
 * callback it is the end offset of the record just delivered, which {@link FrameIndex} turns into
 * the frame number even though the BPF filter skipped frames in between. JNA direct mapping: this is
 * called for every packet, and the interface-proxy style costs microseconds per call.
 */
final class NativeFilePosition {
  /** libpcap's accessor for an offline handle's FILE*. */
  static final class Pcap {
    static {
      Native.register(Pcap.class, NativeLibrary.getInstance(System.getProperty("org.pcap4j.core.pcapLibName", "pcap")));
    }

    static native Pointer pcap_file(Pointer pcap);
  }

  /** The C library's ftell (long is 64 bits on the Linux targets regdoc runs on). */
  static final class LibC {
    static {
      Native.register(LibC.class, NativeLibrary.getInstance("c"));
    }

    static native long ftell(Pointer stream);
  }

  private final Pointer stream;

  private NativeFilePosition(Pointer stream) {
    this.stream = stream;
  }

  static NativeFilePosition of(PcapHandle handle) {
    try {
      Field f = PcapHandle.class.getDeclaredField("handle");
      f.setAccessible(true);
      return new NativeFilePosition(Pcap.pcap_file((Pointer) f.get(handle)));
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("this pcap4j version hides its native handle", e);
    }
  }

  long position() {
    return LibC.ftell(stream);
  }
}
