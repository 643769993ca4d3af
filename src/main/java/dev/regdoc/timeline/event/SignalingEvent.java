package dev.regdoc.timeline.event;

/** A SIP or SCCP message between a phone and a CUCM. */
public sealed interface SignalingEvent extends EventDetails permits SipEvent, SccpEvent {
  /** The CUCM's address, or null when the event does not name it. */
  String server();

  /** Where the message was seen when two captures were aligned; null with one capture. */
  SeenIn seen();
}
