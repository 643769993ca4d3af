package dev.regdoc.facts;

/** Which way a message went, seen from CUCM: the trace's "Incoming" and "Outgoing". */
public enum TraceDirection {
  /** CUCM received it (from the phone, a trunk or a proxy in front of the phone). */
  INCOMING,
  /** CUCM sent it. */
  OUTGOING
}
