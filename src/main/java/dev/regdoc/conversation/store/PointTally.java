package dev.regdoc.conversation.store;

/**
 * How a learner has done on one key point of a lesson (or one find-the-frame exercise): answers
 * that made it and answers that missed it.
 */
public record PointTally(String lesson, String point, int covered, int missed) {}
