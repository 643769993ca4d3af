package dev.regdoc.conversation;

import dev.regdoc.analysis.Analysis;
import dev.regdoc.conversation.LessonGuides.Exercise;
import dev.regdoc.diagnosis.Evidence;
import dev.regdoc.diagnosis.Finding;
import dev.regdoc.timeline.TimelineEvent;
import dev.regdoc.timeline.TimelineJson;
import dev.regdoc.timeline.event.TcpEvent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The answer to a find-the-frame exercise, taken from regdoc's own analysis of the lesson's files:
 * the frame a finding cites with the exercise's evidence note, the other copies of the same message
 * (its TCP retransmissions, and the same segment in the other capture), and the seconds to its last
 * retransmission.
 *
 * @param copies "file#frame" of every other copy of the message
 * @param delay seconds from the frame to its last retransmission; null when it had none
 */
record ExerciseKey(String file, long frame, Set<String> copies, Double delay) {
  /** The key in {@code a}, or empty when the analysis did not cite such a frame. */
  static Optional<ExerciseKey> of(Analysis a, Exercise e) {
    List<Long> frames = new ArrayList<>();
    for (Finding f : a.findings()) {
      if (!f.code().equals(e.finding())) {
        continue;
      }
      for (Evidence ev : f.evidence()) {
        if (ev.note().equals(e.note()) && name(ev.file()).equals(e.file())) {
          frames.addAll(ev.frames());
        }
      }
    }
    if (frames.isEmpty()) {
      return Optional.empty();
    }
    frames.sort(Long::compare);
    long frame = "last".equals(e.pick()) ? frames.get(frames.size() - 1) : frames.get(0);
    return Optional.of(around(a.timeline().events(), e.file(), frame));
  }

  /** The message at {@code file#frame} and its copies in the timeline. */
  private static ExerciseKey around(List<TimelineEvent> events, String file, long frame) {
    long original = frame;
    for (TimelineEvent ev : events) {
      if (at(ev, file, frame) && ev.details() instanceof TcpEvent.Retransmission r) {
        original = r.originalFrame() == null ? frame : r.originalFrame();
      }
    }
    Set<String> copies = new HashSet<>();
    copies.add(file + "#" + original);
    Double delay = null;
    for (TimelineEvent ev : events) {
      if (name(ev.file()).equals(file)
          && ev.details() instanceof TcpEvent.Retransmission r
          && r.originalFrame() != null
          && r.originalFrame() == original) {
        copies.add(file + "#" + ev.frame());
        if (r.delay() != null && (delay == null || r.delay() > delay)) {
          delay = r.delay();
        }
      }
    }
    for (TimelineEvent ev : events) {
      if (copies.contains(name(ev.file()) + "#" + ev.frame())) {
        otherSide(ev).ifPresent(copies::add);
      }
    }
    copies.remove(file + "#" + frame);
    return new ExerciseKey(file, frame, Set.copyOf(copies), original == frame ? delay : null);
  }

  /** Where the same message is in the other capture, as the event's details say (seenIn). */
  private static Optional<String> otherSide(TimelineEvent ev) {
    if (ev.details() == null) {
      return Optional.empty();
    }
    Map<?, ?> details = TimelineJson.MAPPER.convertValue(ev.details(), Map.class);
    Object otherFile = details.get("otherFile");
    Object otherFrame = details.get("otherFrame");
    return otherFile == null || !(otherFrame instanceof Number n) || n.longValue() <= 0
        ? Optional.empty()
        : Optional.of(name(otherFile.toString()) + "#" + n.longValue());
  }

  private static boolean at(TimelineEvent ev, String file, long frame) {
    return ev.frame() == frame && name(ev.file()).equals(file);
  }

  private static String name(String file) {
    return file == null ? "" : Path.of(file).getFileName().toString();
  }
}
