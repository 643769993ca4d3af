package dev.regdoc.signals;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regdoc.facts.ArpPacket;
import dev.regdoc.facts.Origin;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArpClaimTest {
  private static final String IP = "192.0.2.10";
  private static final String MAC = "00:00:5e:00:53:01";
  private static final String OTHER = "00:00:5e:00:53:02";

  private static ArpPacket reply(String file, long frame, String at, String mac, String ethSrc) {
    return new ArpPacket(
        Origin.frame(file, frame, Instant.parse(at)), true, mac, IP, null, null, ethSrc, false);
  }

  @Test
  void oneClaimPerMacAndAddressCountingTheOtherClaimants() {
    List<ArpClaim> claims =
        ArpClaim.of(
            List.of(
                reply("a.pcap", 1, "2026-01-01T00:00:01Z", MAC, MAC),
                reply("a.pcap", 2, "2026-01-01T00:00:02Z", OTHER, OTHER),
                reply("a.pcap", 3, "2026-01-01T00:00:03Z", MAC, MAC),
                reply("a.pcap", 4, "2026-01-01T00:00:04Z", OTHER, MAC))); // not well formed

    assertThat(claims).extracting(ArpClaim::mac).containsExactly(MAC, OTHER);
    assertThat(claims.get(0).claims()).isEqualTo(2);
    assertThat(claims.get(0).otherClaimants()).isEqualTo(1);
    assertThat(claims.get(1).claims()).isEqualTo(1);
  }

  /** With two captures the earlier claim may come from the file read second. */
  @Test
  void theFirstClaimIsTheEarliestInTimeWhicheverFileHoldsIt() {
    ArpPacket later = reply("phone.pcap", 7, "2026-01-01T00:00:05Z", MAC, MAC);
    ArpPacket earlier = reply("cucm.pcap", 3, "2026-01-01T00:00:02Z", MAC, MAC);
    ArpPacket sameTime = reply("cucm.pcap", 4, "2026-01-01T00:00:02Z", MAC, MAC);

    ArpClaim claim = ArpClaim.of(List.of(later, earlier, sameTime)).get(0);

    assertThat(claim.first()).isSameAs(earlier);
  }
}
