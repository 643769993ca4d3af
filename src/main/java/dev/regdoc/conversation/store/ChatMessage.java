package dev.regdoc.conversation.store;

import java.time.Instant;

/**
 * One line of a case's conversation.
 *
 * @param fromBot true for regdoc's replies (stored as plain text)
 */
public record ChatMessage(
    long caseId, String conversation, String author, boolean fromBot, String text, Instant at) {}
