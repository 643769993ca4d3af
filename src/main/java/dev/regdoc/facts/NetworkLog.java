package dev.regdoc.facts;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * A Cisco IOS or ASA syslog message (%PORT_SECURITY, %LINK, %LINEPROTO, %SW_MATM, %ILPOWER,
 * %ASA-...).
 *
 * @param vendor "IOS" or "ASA"
 * @param facility e.g. PORT_SECURITY, ASA
 * @param mnemonic e.g. PSECURE_VIOLATION, 302014
 * @param fields what the message names: mac, interface, ip, vlan, port, reason, ... (keys lower
 *     case)
 */
public record NetworkLog(
    Origin origin,
    OffsetDateTime timestamp,
    String rawTime,
    String host,
    String vendor,
    String facility,
    int severity,
    String mnemonic,
    String message,
    Map<String, String> fields)
    implements Fact {}
