package dev.regdoc.facts;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * One trace file as a whole, given after its last line: which node and service wrote it, which span
 * it covers and how its date was found. A lane "seen at CUCM (trace)" is one node's files.
 *
 * @param origin the file; line 1; time the first record's, in UTC (null when no record had a time)
 * @param node host name from the header, else the node's folder in the download, else {@code node
 *     N} from the file name
 * @param service the header's AppName (CCM for Cisco CallManager), null without a header
 * @param appId the header's AppId (100 for CallManager), -1 without a header
 * @param format SDL (CUCM 9 and later) or SDI (the older {@code HH:MM:SS.mmm CCM|...} lines)
 * @param hostIp the header's HostIPAddress, null without one
 * @param zone the UTC offset the times were read with
 * @param dating how the date and zone were found
 * @param first the first record's time as written (with the date applied)
 * @param last the last record's time as written
 * @param nameSequence the 6-digit sequence of an {@code SDLnnn_aaa_ssssss} name, -1 otherwise
 * @param fileNumber the header's FileNumber, -1 without one
 */
public record TraceFile(
    Origin origin,
    String node,
    String service,
    int appId,
    Format format,
    String hostIp,
    ZoneOffset zone,
    Dating dating,
    LocalDateTime first,
    LocalDateTime last,
    long records,
    long sipMessages,
    long sccpMessages,
    long alarms,
    int nameSequence,
    long fileNumber)
    implements TraceRecord {

  /** The first record's time as written. */
  @Override
  public LocalDateTime localTime() {
    return first;
  }

  /** The two layouts CUCM has written. */
  public enum Format {
    SDL,
    SDI
  }

  /** Where a file's date and UTC offset came from, most reliable first. */
  public enum Dating {
    /** The FileHead line's Date and UTC fields. */
    HEADER,
    /** The GMT Date header of a SIP message CUCM sent, against the line's local time. */
    SIP_DATE,
    /** Nothing in the file gave one: the analysis date in UTC, said in the file's status. */
    ASSUMED
  }

  /** True when {@code service} names Cisco CallManager (or there was no header to say). */
  public boolean isCallManager() {
    return service == null || "CCM".equalsIgnoreCase(service) || appId == 100;
  }
}
