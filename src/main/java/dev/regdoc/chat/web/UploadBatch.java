package dev.regdoc.chat.web;

import dev.regdoc.common.BoundedCopy;
import dev.regdoc.common.TempFiles;
import dev.regdoc.common.WholeNumbers;
import dev.regdoc.conversation.Upload;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Several files the user chose at once, sent in one upload body one after another, each copied to a
 * temporary file of its own. A file over the upload limit is read past, not kept: the engine says
 * it was too large while it analyses the others.
 */
final class UploadBatch {
  static final String USAGE =
      "send ?name=...&size=... once per file (at most "
          + UploadBatch.MAX_FILES
          + "), the files one after another in the body, their sizes adding up to its length";

  static final int MAX_FILES = 50;

  private final List<Upload> uploads = new ArrayList<>();
  private final List<Path> temps = new ArrayList<>();

  /**
   * The announced sizes, or null when there is not one per name, one is not a whole number, or they
   * do not add up to the body's length.
   */
  static List<Long> sizes(List<String> names, List<String> sizes, long bodyLength) {
    if (names.isEmpty() || names.size() != sizes.size() || names.size() > MAX_FILES) {
      return null;
    }
    List<Long> out = new ArrayList<>();
    long total = 0;
    for (String s : sizes) {
      OptionalLong n = WholeNumbers.within(s, 0, Long.MAX_VALUE / MAX_FILES);
      if (n.isEmpty()) {
        return null;
      }
      out.add(n.getAsLong());
      total += n.getAsLong();
    }
    return bodyLength >= 0 && total != bodyLength ? null : out;
  }

  /** The next file of the body: {@code size} bytes, kept only when within {@code limit}. */
  void add(InputStream body, String name, long size, long limit) throws IOException {
    Path tmp = TempFiles.process().newFile("web-", ".upload");
    temps.add(tmp);
    if (size > limit) {
      body.skipNBytes(size);
      uploads.add(new Upload(name, size, tmp));
      return;
    }
    MessageDigest sha = UploadHash.newDigest();
    if (BoundedCopy.copyExactly(body, tmp, size, sha) < size) {
      throw new EOFException(name + ": the upload ended before its " + size + " bytes");
    }
    uploads.add(new Upload(name, size, tmp, UploadHash.hex(sha)));
  }

  List<Upload> uploads() {
    return List.copyOf(uploads);
  }

  List<String> names() {
    return uploads.stream().map(Upload::name).toList();
  }

  void delete() throws IOException {
    for (Path p : temps) {
      TempFiles.process().delete(p);
    }
  }
}
