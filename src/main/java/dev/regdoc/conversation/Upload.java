package dev.regdoc.conversation;

import java.nio.file.Path;

/**
 * A file a user sent, already on local disk: the adapter downloads it (after checking its size)
 * to a temporary file and the engine copies it into the case store before analysing it.
 *
 * @param name the name the user gave the file (shown in evidence; never used to judge its type)
 * @param size bytes, as announced by the platform (checked against the upload limit before download)
 * @param content the downloaded bytes; the adapter deletes it after {@link ChatEngine#handle} returns
 */
public record Upload(String name, long size, Path content) {}
