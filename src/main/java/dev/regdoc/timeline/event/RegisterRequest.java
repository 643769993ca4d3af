package dev.regdoc.timeline.event;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.regdoc.facts.Transport;

/**
 * What every SIP REGISTER tells, whichever kind of REGISTER it is. JSON: {@code server} is
 * "address:port".
 *
 * @param expires the Expires the phone asks for (header or Contact parameter), null when absent
 * @param reasonHeader the Reason header, where a restarted phone says why it lost its registration
 */
@JsonPropertyOrder({
  "server",
  "transport",
  "callId",
  "cseq",
  "expires",
  "userAgent",
  "reasonHeader"
})
public record RegisterRequest(
    @JsonIgnore String server,
    @JsonIgnore int port,
    Transport transport,
    String callId,
    long cseq,
    Integer expires,
    String userAgent,
    String reasonHeader) {

  @JsonProperty("server")
  String serverAndPort() {
    return server + ":" + port;
  }
}
