package dev.regdoc.timeline.event;

/**
 * Details that tell their event's one readable line themselves, from their own components: the
 * event keeps no copy of it. A 2 GB capture of 4,000 phones holds some 265,000 such events, and
 * their lines, held, were about 30 MB of an analysis's heap.
 */
public interface SummarisedDetails {
  /** The event's summary, as the timeline shows it. */
  String summary();
}
