package dev.regdoc.adapter.shared;

import dev.regdoc.conversation.ProgressSink;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Progress shown by editing one message: chat platforms rate-limit edits, so at most one edit per
 * 10 percent (the start and the end always pass). A failed edit is only logged: the analysis goes
 * on and its answer is posted anyway.
 */
public final class ProgressEdits implements ProgressSink {
  private static final Logger log = LoggerFactory.getLogger(ProgressEdits.class);
  private static final int STEP = 10;

  /** Replaces the progress message's text. */
  @FunctionalInterface
  public interface Edit {
    void edit(String text) throws IOException;
  }

  private final Edit edit;
  private int last = -100;

  public ProgressEdits(Edit edit) {
    this.edit = edit;
  }

  @Override
  public synchronized void progress(String text, int percent) {
    if (percent >= 0 && percent < 100 && percent - last < STEP) {
      return;
    }
    last = percent;
    try {
      edit.edit(percent >= 0 ? text + " (" + percent + "%)" : text);
    } catch (IOException e) {
      log.debug("progress update failed: {}", e.getMessage());
    }
  }
}
