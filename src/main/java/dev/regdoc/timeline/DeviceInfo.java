package dev.regdoc.timeline;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.regdoc.facts.SignalingPort;
import java.util.List;

/**
 * A phone as regdoc identified it.
 *
 * @param id SEP name when known, else MAC, else IP
 * @param servers CUCM addresses it talked to, in first-contact order
 * @param signaling how it signals (SIP or SCCP, in clear or over TLS), or null when unknown
 */
@JsonPropertyOrder({"id", "name", "mac", "ips", "servers", "protocol"})
public record DeviceInfo(
    String id,
    String name,
    String mac,
    List<String> ips,
    List<String> servers,
    @JsonIgnore SignalingPort signaling) {

  /** "SIP", "SCCP", "SIP (TLS)", "SCCP (TLS)", or null when unknown. */
  @JsonProperty("protocol")
  public String protocol() {
    return signaling == null ? null : signaling.label();
  }
}
