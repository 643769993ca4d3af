package dev.regdoc.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A command builds the JSON's serializers on another core while it reads (TimelineJson.prepare):
 * they must be those of every kind of event, or the write builds the rest itself.
 */
class TimelineJsonPrepareTest {

  @Test
  void prepareCoversTheDetailsOfEveryEventKindAndTheTimelinesOtherParts() {
    Timeline t = new TimelineBuilder().build(RareEventFacts.collect(), RareEventFacts.reports());
    assertThat(TimelineJson.parts())
        .contains(TimelineEvent.class, DeviceInfo.class, ClockOffset.class)
        .containsAll(t.events().stream().map(e -> e.details().getClass()).distinct().toList());

    assertThat(TimelineJson.prepare()).isEqualTo(TimelineJson.parts().size());
  }
}
