package dev.regdoc.timeline;

import java.util.List;

/**
 * A phone as regdoc identified it.
 *
 * @param id SEP name when known, else MAC, else IP
 * @param servers CUCM addresses it talked to, in first-contact order
 * @param protocol SIP, SCCP, or null when unknown
 */
public record DeviceInfo(
    String id, String name, String mac, List<String> ips, List<String> servers, String protocol) {}
