package dev.regdoc.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The timeline's JSON writes instants itself; it must write them exactly as Instant does. */
class InstantTextTest {

  @Test
  void writesEveryInstantAsInstantToStringDoes() {
    List<Instant> edges =
        new ArrayList<>(
            List.of(
                Instant.EPOCH,
                Instant.ofEpochSecond(0, 1),
                Instant.ofEpochSecond(59, 999_999_999),
                Instant.ofEpochSecond(86_399, 100_000_000),
                Instant.ofEpochSecond(86_400, 120_000),
                Instant.parse("2023-11-14T22:13:33.174563063Z"),
                Instant.parse("2023-11-14T22:13:00Z"),
                Instant.parse("2024-02-29T23:59:59.5Z"),
                Instant.parse("9999-12-31T23:59:59.999999999Z"),
                Instant.parse("+10000-01-01T00:00:00Z"),
                Instant.parse("1969-12-31T23:59:59.000001Z"),
                Instant.MIN,
                Instant.MAX));
    Random random = new Random(15);
    for (int i = 0; i < 20_000; i++) {
      long seconds =
          random.nextInt(4) == 0
              ? random.nextLong() % 400_000_000_000L
              : 1_700_000_000L + random.nextInt(3 * 86_400);
      int nano =
          switch (random.nextInt(4)) {
            case 0 -> 0;
            case 1 -> random.nextInt(1000) * 1_000_000;
            case 2 -> random.nextInt(1_000_000) * 1000;
            default -> random.nextInt(1_000_000_000);
          };
      edges.add(Instant.ofEpochSecond(seconds, nano));
    }
    for (Instant t : edges) {
      assertThat(InstantText.of(t)).as("%s", t).isEqualTo(t.toString());
    }
  }
}
