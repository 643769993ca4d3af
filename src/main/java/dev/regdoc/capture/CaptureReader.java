package dev.regdoc.capture;

import dev.regdoc.common.ReadProgress;
import dev.regdoc.common.WorkLimit;
import dev.regdoc.common.WorkStopped;
import dev.regdoc.facts.FactSink;
import dev.regdoc.facts.FileProblem;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.pcap4j.core.BpfProgram;
import org.pcap4j.core.NotOpenException;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.PcapNativeException;
import org.pcap4j.core.Pcaps;

/**
 * Streams a pcap or pcapng file through libpcap (pcap4j, nanosecond precision) with a BPF filter
 * that keeps only signaling, ARP and ICMP unreachable, and decodes what is kept from the raw bytes.
 * Memory depends on the number of open flows, never on the size of the file.
 */
public final class CaptureReader {
  private final SignalingPorts ports;

  public CaptureReader() {
    this(SignalingPorts.defaults());
  }

  public CaptureReader(SignalingPorts ports) {
    this.ports = ports;
  }

  /**
   * Reads {@code path}; problems with the file become sentences in the summary, with everything
   * readable before them kept. Throws only when the file cannot be opened at all.
   *
   * @param displayName the name the user knows the file by, used in facts and messages
   */
  public CaptureSummary read(Path path, String displayName, FactSink sink) throws IOException {
    return read(path, displayName, sink, ReadProgress.NONE);
  }

  /**
   * As {@link #read(Path, String, FactSink)}, telling {@code progress} how far it has got about
   * every 10 %.
   */
  public CaptureSummary read(Path path, String displayName, FactSink sink, ReadProgress progress)
      throws IOException {
    try (FrameIndex index = new FrameIndex(path)) {
      PcapHandle handle = open(path, displayName);
      try {
        return new Run(handle, index, displayName, sink, progress).execute();
      } finally {
        handle.close();
      }
    }
  }

  private static PcapHandle open(Path path, String displayName) throws CaptureException {
    try {
      return Pcaps.openOffline(path.toString(), PcapHandle.TimestampPrecision.NANO);
    } catch (PcapNativeException e) {
      throw new CaptureException("libpcap cannot open it: " + clean(e.getMessage()));
    }
  }

  static String clean(String libpcapMessage) {
    String m = libpcapMessage == null ? "unknown error" : libpcapMessage;
    int colon = m.indexOf("): ");
    if (colon >= 0 && m.startsWith("Error occurred in")) {
      return m.substring(colon + 3);
    }
    return m.startsWith("Error occurred: ") ? m.substring("Error occurred: ".length()) : m;
  }

  /**
   * One pass over one file. libpcap is read on a thread of its own ({@link PacketReader}) while the
   * calling thread decodes: on signaling-dense captures the native reading is about a quarter of
   * the work, so the two overlap on a second core. Facts reach the sink on the calling thread, in
   * capture order.
   */
  private final class Run {
    private final PcapHandle handle;
    private final FrameIndex index;
    private final String file;
    private final List<FileProblem> problems = new ArrayList<>();
    private final DecodedFrame frame = new DecodedFrame();
    private final SignalingExtractor extractor;
    private final ReadProgress progress;
    private long progressReported = -1; // tenths of the file reported so far
    private FrameDecoder decoder;
    private long decoded;
    private long snapCut;
    private Instant first;
    private Instant last;

    Run(PcapHandle handle, FrameIndex index, String file, FactSink sink, ReadProgress progress) {
      this.handle = handle;
      this.index = index;
      this.file = file;
      this.extractor = new SignalingExtractor(file, sink, ports);
      this.progress = progress;
    }

    CaptureSummary execute() {
      int dlt = handle.getDlt().value();
      LinkType link = LinkType.of(dlt);
      if (link == null) {
        problems.add(
            FileProblem.of(
                "file-link-type-unread",
                file
                    + ": "
                    + LinkType.describe(dlt)
                    + " is not a link type regdoc decodes (it reads Ethernet with 802.1Q, Linux"
                    + " cooked SLL/SLL2, raw IP and BSD loopback); nothing was read",
                file,
                dlt));
        return summary(index.countAll());
      }
      decoder = new FrameDecoder(link);
      applyFilter(link);
      PacketReader reader = new PacketReader(NativePcap.of(handle), index, file);
      reader.start();
      try {
        decodeAll(reader);
      } finally {
        reader.stop(); // libpcap's handle is closed after this, never under the reading thread
      }
      if (reader.failure() != null) {
        throw new IllegalStateException("reading " + file + " failed", reader.failure());
      }
      extractor.finish();
      if (reader.error() != null) {
        problems.add(stopped(reader.stoppedAfter(), reader.error()));
      }
      long frames = reader.stoppedAfter() >= 0 ? reader.stoppedAfter() : index.countAll();
      reportAfterwards(frames, reader.frameNumbersLost(), reader.timesOutOfRange());
      return summary(frames);
    }

    private void applyFilter(LinkType link) {
      for (boolean ethernet :
          link == LinkType.ETHERNET ? new boolean[] {true, false} : new boolean[] {false}) {
        try {
          handle.setFilter(ports.bpf(ethernet), BpfProgram.BpfCompileMode.OPTIMIZE);
          return;
        } catch (PcapNativeException | NotOpenException e) {
          // try the simpler filter; without any filter every frame is decoded in Java, still
          // correct
        }
      }
    }

    /** Decodes every batch until the last one. */
    private void decodeAll(PacketReader reader) {
      try {
        for (boolean done = false; !done; ) {
          PacketBatch batch = reader.take();
          for (int i = 0; i < batch.size; i++) {
            WorkLimit.checkpoint();
            handle(
                batch.frameNumbers[i], batch.packets[i], batch.times[i], batch.originalLengths[i]);
          }
          done = batch.last;
          reportProgress(batch.endPosition);
          reader.recycle(batch);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        problems.add(interrupted());
      } catch (WorkStopped e) {
        if (e.why() != WorkStopped.Why.CANCELLED) {
          throw e; // past the time limit: the analysis stops here
        }
        // interrupted between packets: like an interrupt while waiting, keep what was read (the
        // flag stays set)
        problems.add(interrupted());
      }
    }

    private FileProblem interrupted() {
      return FileProblem.of(
          "file-capture-interrupted",
          file + ": reading was interrupted after frame " + frame.frame,
          file,
          frame.frame);
    }

    /** Tells the listener at each new tenth of the file (and at its end), not at every batch. */
    private void reportProgress(long position) {
      long size = index.size();
      long tenths = size == 0 ? 10 : Math.min(10, position * 10 / size);
      if (tenths > progressReported) {
        progressReported = tenths;
        progress.read(file, Math.min(position, size), size);
      }
    }

    private void handle(long number, byte[] packet, Instant time, int original) {
      frame.reset(number, time, packet, original);
      if (frame.originalLength > frame.capturedLength) {
        snapCut++;
      }
      first = first == null ? time : first;
      last = time;
      decoded++;
      extractor.handle(frame, decoder.decode(frame));
    }

    private FileProblem stopped(long stoppedAfter, String libpcapMessage) {
      long at = stoppedAfter + 1;
      String why = libpcapMessage;
      int iface =
          libpcapMessage.contains("different from the type of the first interface")
              ? index.firstInterfaceUnlikeTheFirst()
              : -1;
      if (iface > 0) {
        why =
            "pcapng interface "
                + iface
                + " has "
                + LinkType.describe(index.linkTypeOf(iface))
                + " but interface 0 has "
                + LinkType.describe(index.linkTypeOf(0))
                + "; libpcap cannot read a file whose interfaces differ in link type. Split it per"
                + " interface (e.g. tshark -r FILE -Y frame.interface_id=="
                + iface
                + " -w part.pcapng)";
      }
      String text =
          file
              + ": reading stopped at frame "
              + at
              + ": "
              + why
              + (stoppedAfter == 0
                  ? "; no frame could be read"
                  : stoppedAfter == 1
                      ? "; the frame before it was read"
                      : "; the " + stoppedAfter + " frames before it were read");
      return iface > 0
          ? FileProblem.of(
              "file-capture-mixed-link-types",
              text,
              file,
              at,
              iface,
              index.linkTypeOf(iface),
              index.linkTypeOf(0),
              stoppedAfter)
          : FileProblem.of("file-capture-stopped", text, file, at, stoppedAfter);
    }

    private void reportAfterwards(long frames, boolean frameNumbersLost, long timesOutOfRange) {
      if (frames == 0 && problems.isEmpty()) {
        problems.add(
            FileProblem.of(
                "file-capture-no-packets", file + ": the capture holds no packets", file));
      }
      if (frameNumbersLost) {
        problems.add(
            FileProblem.of(
                "file-frame-numbers-lost",
                file
                    + ": frame numbers could not be matched to the file's records; numbers shown"
                    + " count only signaling frames",
                file));
      }
      if (snapCut > 0) {
        problems.add(
            FileProblem.of(
                "file-snap-length-cut",
                file
                    + ": "
                    + snapCut
                    + " frames were cut by the capture's snap length; messages in them may be"
                    + " incomplete (capture with a larger snap length, e.g. tcpdump -s 0)",
                file,
                snapCut));
      }
      if (index.invalidTimestamps > 0) {
        problems.add(
            FileProblem.of(
                "file-invalid-timestamps",
                file
                    + ": "
                    + index.invalidTimestamps
                    + " records have a sub-second time field out of range; their times are"
                    + " unreliable",
                file,
                index.invalidTimestamps));
      }
      FileProblem dropped = extractor.heldBytes().problem();
      if (dropped != null) {
        problems.add(dropped.named(file));
      }
      if (timesOutOfRange > 0) {
        problems.add(
            FileProblem.of(
                "file-times-out-of-range",
                file
                    + ": "
                    + timesOutOfRange
                    + " frames have a time before 1970 or after 2262, which cannot be right;"
                    + " they are shown at the nearest of those and their times are unreliable",
                file,
                timesOutOfRange));
      }
      for (Map.Entry<String, Long> e : extractor.anomalyCounts().entrySet()) {
        if (e.getValue() > 20) {
          problems.add(
              FileProblem.of(
                  "file-anomaly-frames",
                  file
                      + ": "
                      + e.getValue()
                      + " frames with anomaly "
                      + e.getKey()
                      + " (first 20 listed)",
                  file,
                  e.getValue(),
                  e.getKey()));
        }
      }
    }

    private CaptureSummary summary(long frames) {
      String format = index.pcapng ? "pcapng" : "pcap";
      List<String> links = index.linkTypes().stream().distinct().map(LinkType::describe).toList();
      return new CaptureSummary(
          file, format, links, frames, decoded, index.size(), first, last, List.copyOf(problems));
    }
  }
}
