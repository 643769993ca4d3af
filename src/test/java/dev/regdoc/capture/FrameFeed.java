package dev.regdoc.capture;

import dev.regdoc.facts.FactSink;
import java.time.Instant;
import java.util.Map;

/**
 * What {@link CaptureReader} does with each packet libpcap hands it (decode the headers, then
 * extract signaling: TCP reassembly, SIP, SCCP, ARP, ICMP), for tests that feed frames without a
 * file. The fuzz tests use it to reach the decoders far faster than through libpcap and a temporary
 * file.
 */
public final class FrameFeed {
  private final DecodedFrame frame = new DecodedFrame();
  private final FrameDecoder decoder;
  private final SignalingExtractor extractor;
  private long frames;

  public FrameFeed(LinkType link, String file, FactSink sink) {
    this.decoder = new FrameDecoder(link);
    this.extractor = new SignalingExtractor(file, sink, SignalingPorts.defaults());
  }

  /** Handles the next frame (numbered from 1) exactly as a capture pass does. */
  public void frame(byte[] bytes, Instant time, int originalLength) {
    frame.reset(++frames, time, bytes, originalLength);
    extractor.handle(frame, decoder.decode(frame));
  }

  /** Frame-level anomalies counted so far, per code. */
  public Map<String, Long> anomalyCounts() {
    return extractor.anomalyCounts();
  }
}
