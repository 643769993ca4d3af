package dev.regdoc.adapter.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RequestGuardsTest {
  /** A clock the test moves by hand. */
  private static final class ManualClock extends Clock {
    private Instant now = Instant.parse("2026-01-05T10:00:00Z");

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }

  @Test
  void aUserGetsTheLimitPerMinuteThenWaitsForTheWindowToSlide() {
    ManualClock clock = new ManualClock();
    RequestGuards guards = new RequestGuards(clock, 3);

    assertThat(guards.allow("U1")).isTrue();
    clock.advance(Duration.ofSeconds(20));
    assertThat(guards.allow("U1")).isTrue();
    assertThat(guards.allow("U1")).isTrue();
    assertThat(guards.allow("U1")).as("fourth within the minute").isFalse();

    clock.advance(Duration.ofSeconds(40)); // the first turn is now a minute old
    assertThat(guards.allow("U1")).isTrue();
    assertThat(guards.allow("U1")).isFalse();
  }

  @Test
  void refusedAttemptsDoNotCountAndUsersAreLimitedSeparately() {
    ManualClock clock = new ManualClock();
    RequestGuards guards = new RequestGuards(clock, 1);

    assertThat(guards.allow("U1")).isTrue();
    for (int i = 0; i < 5; i++) {
      assertThat(guards.allow("U1")).isFalse();
    }
    assertThat(guards.allow("U2")).isTrue();
    clock.advance(Duration.ofSeconds(60));
    assertThat(guards.allow("U1")).isTrue();
  }

  @Test
  void manyDistinctUsersAreHeldUpToABoundAndForgottenAfterAnIdleMinute() {
    ManualClock clock = new ManualClock();
    RequestGuards guards = new RequestGuards(clock, 5);

    for (int i = 0; i < 5 * RequestGuards.MAX_TRACKED_USERS; i++) {
      assertThat(guards.allow("U" + i)).isTrue();
    }
    assertThat(guards.trackedUsers()).isLessThanOrEqualTo(RequestGuards.MAX_TRACKED_USERS);

    clock.advance(Duration.ofMinutes(1));
    assertThat(guards.allow("U-late")).isTrue();
    assertThat(guards.trackedUsers()).as("users idle for a whole window are let go").isEqualTo(1);
  }

  @Test
  void aLimitedUserStaysLimitedWhileOthersComeWithinTheBound() {
    ManualClock clock = new ManualClock();
    RequestGuards guards = new RequestGuards(clock, 1);

    assertThat(guards.allow("U1")).isTrue();
    for (int i = 0; i < RequestGuards.MAX_TRACKED_USERS / 2; i++) {
      guards.allow("other" + i);
    }
    clock.advance(Duration.ofSeconds(59));
    assertThat(guards.allow("U1")).isFalse();
    clock.advance(Duration.ofSeconds(1));
    assertThat(guards.allow("U1")).isTrue();
  }

  @Test
  void aRedeliveredEventIsSeenOnlyOnce() {
    RequestGuards guards = new RequestGuards(Clock.systemUTC(), 1);

    assertThat(guards.firstTime("event:Ev1")).isTrue();
    assertThat(guards.firstTime("event:Ev1")).isFalse();
    assertThat(guards.firstTime("event:Ev2")).isTrue();
  }
}
