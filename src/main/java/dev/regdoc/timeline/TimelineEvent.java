package dev.regdoc.timeline;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.regdoc.timeline.event.EventDetails;
import dev.regdoc.timeline.event.EventKind;
import dev.regdoc.timeline.event.SummarisedDetails;
import java.time.Instant;

/**
 * One thing that happened to one device, on the common time axis.
 *
 * <p>Consumers switch on {@link #kind()} or test {@link #details()} against the records of {@code
 * dev.regdoc.timeline.event}; no value is read back out of the summary or out of strings.
 *
 * <p>To add an event kind: add its constant with its kebab-case id to {@link EventKind}; add a
 * record for its details to the sealed interface of its source ({@code SipEvent}, {@code
 * SccpEvent}, {@code TcpEvent}, {@code AddressEvent}, {@code LogEvent}, {@code InferredEvent}),
 * whose {@code kind()} returns the constant and whose components, in order, are the JSON details;
 * emit it from the source's timeline class through {@code Events.add}. A kind a large capture holds
 * many of tells its summary from its details ({@code SummarisedDetails}) rather than keeping one.
 * The compiler then lists the exhaustive switches that must handle it. Pin its JSON: a fixture that
 * holds it in {@code TimelineGoldenTest}, or facts in {@code RareEventFacts}.
 *
 * <p>To add a source (say a CallManager trace reader): its facts become events in a new {@code
 * XxxTimeline} called from {@link TimelineBuilder#build}; its details get a new sealed interface
 * next to the others, named in the {@code permits} clause of {@code EventDetails}, and an {@link
 * EventKind.Family} for its kinds.
 *
 * @param time on the reference clock (captures from the other side are shifted by the estimated
 *     offset)
 * @param fileTime the time as written in the file, when it differs from {@code time}; otherwise
 *     null
 * @param frame capture frame number, 0 for text files
 * @param line text line number, 0 for captures
 * @param heldSummary the event's one readable line when its details cannot tell it (see {@link
 *     #summary()}), otherwise null
 * @param details what the event says, typed; its record decides the kind
 */
@JsonPropertyOrder({
  "time",
  "fileTime",
  "kind",
  "device",
  "file",
  "frame",
  "line",
  "summary",
  "details"
})
public record TimelineEvent(
    Instant time,
    Instant fileTime,
    String device,
    String file,
    long frame,
    long line,
    @JsonIgnore String heldSummary,
    EventDetails details) {

  public TimelineEvent {
    if (heldSummary == null && !(details instanceof SummarisedDetails)) {
      throw new IllegalArgumentException(details.kind() + " details cannot tell their summary");
    }
  }

  /**
   * One readable line, for people only. The kinds a large capture holds by the hundred thousand
   * (refreshes, their answers, keepalives, ARP) tell it from their details when it is shown rather
   * than keeping a copy in every event.
   */
  @JsonProperty("summary")
  public String summary() {
    return heldSummary != null ? heldSummary : ((SummarisedDetails) details).summary();
  }

  /** What the event is: stable kebab-case id, e.g. sip-refresh, tcp-retransmission, cucm-alarm. */
  @JsonProperty("kind")
  public EventKind kind() {
    return details.kind();
  }

  public String cite() {
    return frame > 0 ? file + "#" + frame : line > 0 ? file + ":" + line : file;
  }
}
