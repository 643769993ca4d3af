package dev.regdoc.ccmtrace;

import dev.regdoc.facts.Fact;
import dev.regdoc.facts.FactSink;
import dev.regdoc.facts.FileProblem;
import dev.regdoc.facts.TraceFile;
import dev.regdoc.facts.TraceRecord;
import dev.regdoc.facts.TraceSip;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The trace files of one analysis, whatever order they come in: puts a SIP message that file
 * rotation cut in two back together (the end of one file and the top of the next file of the same
 * node and service), and keeps at most {@code maxRecords} trace records, so a cluster's traces of
 * several days cannot fill the heap. Wraps the analysis' sink; {@link #finish()} when every file
 * has been read.
 */
public final class TraceSession implements FactSink {
  /**
   * Registration messages, station messages, alarms and signals kept per analysis: about 40 MB of
   * heap, a day of 150 phones' refreshes with their answers.
   */
  public static final int DEFAULT_MAX_RECORDS = 200_000;

  private final FactSink down;
  private final int maxRecords;
  private final SipRecords sipRecords = new SipRecords();
  private final Map<TraceFragment.Key, TraceFragment> tails = new HashMap<>();
  private final Map<TraceFragment.Key, TraceFragment> heads = new HashMap<>();
  private final Set<TraceFragment.Key> filesSeen = new HashSet<>();
  private final Map<String, List<FileProblem>> notes = new LinkedHashMap<>();
  private final Map<String, Long> dropped = new LinkedHashMap<>();
  private long kept;

  public TraceSession(FactSink down) {
    this(down, DEFAULT_MAX_RECORDS);
  }

  public TraceSession(FactSink down, int maxRecords) {
    this.down = down;
    this.maxRecords = maxRecords;
  }

  @Override
  public void accept(Fact fact) {
    if (fact instanceof TraceFragment f) {
      fragment(f);
      return;
    }
    if (fact instanceof TraceFile f) {
      filesSeen.add(keyOf(f));
    } else if (fact instanceof TraceRecord r && kept++ >= maxRecords) {
      dropped.merge(r.origin().file(), 1L, Long::sum);
      return;
    }
    down.accept(fact);
  }

  /**
   * Joins what can be joined, gives the rest as it is, and returns the sentences for each file's
   * status: a message cut with its rest not given, lines continuing a file not given, records over
   * the limit.
   */
  public Map<String, List<FileProblem>> finish() {
    for (TraceFragment tail : new ArrayList<>(tails.values())) {
      boolean cut = !Boolean.TRUE.equals(tail.block().complete());
      emit(tail, null, cut);
      if (cut) {
        note(
            tail.origin().file(),
            FileProblem.of(
                "file-trace-next-file-missing",
                "ends inside a SIP message (line "
                    + tail.block().line
                    + "): its rest would be at the top of "
                    + tail.node()
                    + "'s next trace file, which was not given; the part read is kept",
                tail.block().line,
                tail.node()));
      }
    }
    for (TraceFragment head : heads.values()) {
      TraceFragment.Key before =
          new TraceFragment.Key(head.key().node(), head.key().appId(), head.key().sequence() - 1);
      if (!filesSeen.contains(before) && looksLikeSip(head.lines())) {
        note(
            head.origin().file(),
            FileProblem.of(
                "file-trace-previous-file-missing",
                "its first "
                    + head.lines().size()
                    + " lines (from line "
                    + head.origin().line()
                    + ") end a SIP message begun in "
                    + head.node()
                    + "'s previous trace file, which was not given; they were left out",
                head.lines().size(),
                head.origin().line(),
                head.node()));
      }
    }
    tails.clear();
    heads.clear();
    dropped.forEach(
        (file, n) ->
            note(
                file,
                FileProblem.of(
                    "file-trace-records-left-out",
                    n
                        + " trace records were left out: an analysis keeps at most "
                        + maxRecords
                        + " (collect a shorter time window in RTMT)",
                    n,
                    maxRecords)));
    return notes;
  }

  private void fragment(TraceFragment f) {
    if (f.key().sequence() < 0) {
      if (f.isTail()) {
        emit(f, null, !Boolean.TRUE.equals(f.block().complete()));
      }
      return;
    }
    if (f.isTail()) {
      TraceFragment head = heads.remove(f.key().next());
      if (head == null) {
        tails.put(f.key(), f);
      } else {
        join(f, head);
      }
    } else {
      TraceFragment.Key before =
          new TraceFragment.Key(f.key().node(), f.key().appId(), f.key().sequence() - 1);
      TraceFragment tail = tails.remove(before);
      if (tail == null) {
        heads.put(f.key(), f);
      } else {
        join(tail, f);
      }
    }
  }

  private void join(TraceFragment tail, TraceFragment head) {
    SipBlock b = tail.block();
    boolean expectMarker = b.isEmpty();
    TraceLine t = new TraceLine();
    for (byte[] l : head.lines()) {
      if (expectMarker && t.parse(l, l.length) == TraceLine.Kind.MARKER) {
        b.messageNumber = t.marker;
        expectMarker = false;
        continue;
      }
      b.add(l, l.length);
    }
    emit(tail, head.origin().file(), Boolean.FALSE.equals(b.complete()));
  }

  private void emit(TraceFragment tail, String joinedFrom, boolean incomplete) {
    TraceSip r =
        sipRecords.toRecord(
            tail.origin().file(), tail.node(), tail.hostIp(), tail.block(), joinedFrom, incomplete);
    if (r != null && r.message().isRegister()) {
      accept(r);
    }
  }

  private void note(String file, FileProblem sentence) {
    notes.computeIfAbsent(file, k -> new ArrayList<>()).add(sentence);
  }

  /** The same key {@link FileRun} gives the file's fragments. */
  private static TraceFragment.Key keyOf(TraceFile f) {
    TraceNames.SdlName n = TraceNames.sdlName(f.origin().file());
    return new TraceFragment.Key(
        f.node(), n != null ? n.appId() : f.appId(), n != null ? n.sequence() : -1);
  }

  /** A marker, a start line or a SIP header among the lines: a message's rest, not a dump's. */
  private static boolean looksLikeSip(List<byte[]> lines) {
    for (byte[] bytes : lines) {
      String l = new String(bytes, StandardCharsets.ISO_8859_1);
      if (l.startsWith("[")
          || l.startsWith("SIP/2.0")
          || l.regionMatches(true, 0, "Via:", 0, 4)
          || l.regionMatches(true, 0, "Call-ID:", 0, 8)
          || l.regionMatches(true, 0, "CSeq:", 0, 5)
          || l.regionMatches(true, 0, "Contact:", 0, 8)) {
        return true;
      }
    }
    return false;
  }
}
