package dev.regdoc.timeline.event;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.regdoc.facts.Protocol;

/**
 * What the timeline concludes across messages: a registration moved to another CUCM, a message one
 * of two aligned captures lacks.
 */
public sealed interface InferredEvent extends EventDetails {

  /**
   * The phone registered with another CUCM than before: a failover away from the first one, or a
   * fallback to it.
   */
  record RoleChange(@JsonIgnore boolean fallback, String from, String to, Protocol protocol)
      implements InferredEvent {
    @Override
    public EventKind kind() {
      return fallback ? EventKind.FALLBACK : EventKind.FAILOVER;
    }
  }

  /**
   * A message in one capture and not the other. Lost when the direction it travelled says it left
   * the capture point it is in and never reached the other; otherwise only seen on one side.
   *
   * @param seenIn the file that has it
   * @param missingFrom the file that lacks it
   * @param firstTransmissionOnly only its first transmission was lost: a TCP retransmission got
   *     through ({@code otherFrame} in {@code missingFrom})
   * @param seq its TCP sequence number, -1 over UDP
   */
  record OneSided(
      @JsonIgnore boolean lost,
      MessageName message,
      String seenIn,
      String missingFrom,
      Direction direction,
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean firstTransmissionOnly,
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) long otherFrame,
      long seq)
      implements InferredEvent {
    @Override
    public EventKind kind() {
      return lost ? EventKind.LOST_IN_NETWORK : EventKind.SEEN_ONE_SIDE_ONLY;
    }
  }
}
