package dev.regdoc.capture;

import dev.regdoc.facts.FactSink;
import java.io.IOException;
import java.nio.file.Path;

/** Streams a pcap or pcapng file through libpcap and pushes signaling facts. Implementation pending. */
public final class CaptureReader {

  public CaptureSummary read(Path path, String displayName, FactSink sink) throws IOException {
    throw new UnsupportedOperationException("not yet");
  }
}
