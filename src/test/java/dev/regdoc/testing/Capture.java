package dev.regdoc.testing;

import dev.regdoc.capture.CaptureReader;
import dev.regdoc.capture.CaptureSummary;
import dev.regdoc.capture.SignalingPorts;
import dev.regdoc.facts.Anomaly;
import dev.regdoc.facts.Fact;
import dev.regdoc.facts.FactCollector;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** One capture read by regdoc's CaptureReader: its summary and its facts. */
public record Capture(CaptureSummary summary, FactCollector facts) {

  public static Capture read(Path file, Integer... extraSipPorts) {
    FactCollector facts = new FactCollector();
    SignalingPorts ports = SignalingPorts.defaults().withExtraSip(Set.of(extraSipPorts));
    try {
      CaptureSummary s = new CaptureReader(ports).read(file, file.getFileName().toString(), facts);
      return new Capture(s, facts);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public <T extends Fact> List<T> of(Class<T> type) {
    return facts.of(type);
  }

  public List<String> anomalyCodes() {
    return facts.of(Anomaly.class).stream().map(Anomaly::code).toList();
  }
}
