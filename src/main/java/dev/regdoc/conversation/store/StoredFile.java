package dev.regdoc.conversation.store;

import java.time.Instant;

/**
 * One upload of a file to a case.
 *
 * @param sha256 lower-case hex of the content; the key of the stored copy
 * @param expired true once the copy was deleted by retention (the record remains)
 */
public record StoredFile(
    long caseId,
    String name,
    String sha256,
    long size,
    String uploadedBy,
    Instant uploadedAt,
    Instant expiresAt,
    boolean expired) {}
