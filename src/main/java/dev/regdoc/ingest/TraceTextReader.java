package dev.regdoc.ingest;

import dev.regdoc.ccmtrace.TraceReader;
import dev.regdoc.ccmtrace.TraceSummary;
import dev.regdoc.facts.FactSink;
import dev.regdoc.facts.TextReader;
import dev.regdoc.facts.TextSummary;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CallManager trace files through the text path: the file's status names the node, the time span
 * and how many registration messages were read.
 */
final class TraceTextReader implements TextReader {
  private final TraceReader reader;

  TraceTextReader(Clock clock) {
    this.reader = new TraceReader(clock);
  }

  @Override
  public TextSummary read(String file, BufferedReader in, FactSink sink) throws IOException {
    return summary(reader.read(file, in, sink));
  }

  @Override
  public TextSummary read(String file, InputStream in, FactSink sink) throws IOException {
    return summary(reader.read(file, in, sink));
  }

  private static TextSummary summary(TraceSummary t) {
    Map<String, Long> details = new LinkedHashMap<>();
    for (String key : new String[] {"sip", "sip-other", "sccp", "alarms", "signals"}) {
      details.put(key, t.counts().getOrDefault(key, 0L));
    }
    t.counts().forEach(details::putIfAbsent);
    return new TextSummary(
        t.lines(), t.records(), t.broken(), t.problemKeys(), t.description(), details);
  }
}
