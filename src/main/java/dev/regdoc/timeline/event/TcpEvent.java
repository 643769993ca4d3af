package dev.regdoc.timeline.event;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.regdoc.facts.SignalingPort;
import dev.regdoc.facts.TcpControl;

/** What TCP did on a signaling connection, and encrypted signaling seen only as TLS segments. */
public sealed interface TcpEvent extends EventDetails {

  /** A TCP event of one segment, from one address to another. */
  sealed interface Between extends TcpEvent {
    String from();

    String to();
  }

  /**
   * A segment sent again.
   *
   * @param attempt 1 for the first retransmission
   * @param delay seconds after the original (the RTO series), null when the original was not
   *     captured
   * @param originalFrame the original's frame, null when not captured
   * @param carries the message the segment carried, null when it carried none the timeline read
   */
  record Retransmission(
      long seq,
      int length,
      int attempt,
      Double delay,
      Long originalFrame,
      MessageName carries,
      String from,
      String to)
      implements Between {
    @Override
    public EventKind kind() {
      return EventKind.TCP_RETRANSMISSION;
    }
  }

  /**
   * The peer acknowledged data that had been retransmitted.
   *
   * @param attempts retransmissions before the acknowledgement
   * @param deliveredFrame the transmission that got through
   * @param sinceFirstSend seconds from the first transmission to the acknowledgement
   */
  record Delivered(
      long seq,
      int attempts,
      long firstFrame,
      long deliveredFrame,
      double sinceFirstSend,
      MessageName carries)
      implements TcpEvent {
    @Override
    public EventKind kind() {
      return EventKind.TCP_DELIVERED;
    }
  }

  /**
   * Data the receiver lacked while later data of the stream had arrived (its ACK stayed at the
   * gap), which came only when sent again: the first copy was lost before the capture point.
   *
   * @param aheadFrame the frame that arrived ahead of the gap
   * @param direction which way the lost data travelled
   * @param carries the message the lost bytes began, null when the timeline read none
   * @param receiverQuiet seconds from the last acknowledgement of the receiver's own data to the
   *     frame ahead of the gap, null when the capture shows none
   */
  record Gap(
      long seq,
      int length,
      long aheadFrame,
      Double receiverQuiet,
      Direction direction,
      MessageName carries,
      String from,
      String to)
      implements Between {
    @Override
    public EventKind kind() {
      return EventKind.TCP_GAP;
    }
  }

  /** A SYN, SYN/ACK, FIN or RST. */
  record Control(
      @JsonIgnore TcpControl.Kind flag, String from, int srcPort, String to, int dstPort, int ttl)
      implements Between {
    @Override
    public EventKind kind() {
      return switch (flag) {
        case SYN -> EventKind.TCP_SYN;
        case SYN_ACK -> EventKind.TCP_SYN_ACK;
        case FIN -> EventKind.TCP_FIN;
        case RST -> EventKind.TCP_RST;
      };
    }
  }

  /** The phone opens a new connection to a CUCM from another port than its last one. */
  record Reconnect(String server, int port, int previousPort, int newPort) implements TcpEvent {
    @Override
    public EventKind kind() {
      return EventKind.TCP_RECONNECT;
    }
  }

  /**
   * New data on an encrypted signaling port.
   *
   * @param port the well-known TLS port of the connection, null when it runs on another one
   */
  record TlsData(int length, String from, String to, @JsonIgnore SignalingPort port)
      implements TcpEvent {
    @Override
    public EventKind kind() {
      return EventKind.TLS_DATA;
    }
  }
}
