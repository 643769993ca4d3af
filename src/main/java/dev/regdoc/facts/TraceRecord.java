package dev.regdoc.facts;

import java.time.LocalDateTime;

/**
 * Something read from a Cisco CallManager trace (SDL or the older SDI): what CUCM itself logged, so
 * CUCM-side evidence like a capture on its NIC. Trace records are kept out of the rule session as
 * they are; the timeline turns them into events.
 */
public interface TraceRecord extends Fact {

  /** The CUCM node that wrote the trace: its host name, else the name of its folder. */
  String node();

  /**
   * The time as the trace wrote it, on the node's own clock and zone, with the date the file's
   * header (or its fallback, see {@link TraceFile#dating()}) gives; {@link #time()} is the same
   * moment in UTC.
   */
  LocalDateTime localTime();
}
