package dev.regdoc.diagnosis;

/** How a finding ranks: root causes first, then where and how things broke, symptoms, and notes. */
public enum Tier {
  ROOT_CAUSE,
  LOCATION,
  MECHANISM,
  SYMPTOM,
  NOTE
}
