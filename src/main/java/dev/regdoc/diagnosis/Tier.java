package dev.regdoc.diagnosis;

/**
 * How a finding ranks: an undecided choice between candidate causes first (it stands in for the
 * root cause the evidence could not name), then root causes, then where and how things broke,
 * symptoms, and notes.
 */
public enum Tier {
  UNDETERMINED,
  ROOT_CAUSE,
  LOCATION,
  MECHANISM,
  SYMPTOM,
  NOTE
}
