package dev.regdoc.facts;

/** The signaling protocols a Cisco phone registers with. */
public enum Protocol {
  SIP,
  SCCP
}
