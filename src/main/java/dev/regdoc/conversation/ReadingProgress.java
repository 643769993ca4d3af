package dev.regdoc.conversation;

import dev.regdoc.common.ReadProgress;
import dev.regdoc.common.Sizes;
import dev.regdoc.conversation.store.StoredFile;
import java.util.List;

/**
 * What the user sees while a case's files are read: an opening line for all of them, then the
 * reader's per-file progress as one line ("Reading phone.pcap: 12 MB of 40 MB") and one percentage
 * over all the case's files, which only ever goes up, so that adapters that update a message every
 * tenth (Slack) keep showing it.
 */
final class ReadingProgress implements ReadProgress {
  /** Percent already shown when reading starts, and left for the rules when it ends. */
  static final int START = 10;

  static final int END = 95;

  private final List<StoredFile> files;
  private final long bytes;
  private final Turn turn;
  private final Phrases say;
  private int shown = START;

  ReadingProgress(List<StoredFile> files, Turn turn, Phrases say) {
    this.files = files;
    this.bytes = files.stream().mapToLong(StoredFile::size).sum();
    this.turn = turn;
    this.say = say;
  }

  /** The line shown before the first byte is read: how many files, how much in all. */
  void start() {
    turn.progress.progress(
        say.get("progress-reading", turn.lang, "files", files.size(), "size", Sizes.human(bytes)),
        START);
  }

  @Override
  public void read(String file, long done, long total) {
    shown = Math.max(shown, percent(file, done, total));
    turn.progress.progress(
        say.get(
            "progress-file",
            turn.lang,
            "file",
            file,
            "done",
            Sizes.human(done),
            "total",
            Sizes.human(total)),
        shown);
  }

  /** Where this point of this file lies among all the files, by their uploaded sizes. */
  private int percent(String file, long done, long total) {
    String upload = Upload.nameOf(file);
    long before = 0;
    for (StoredFile f : files) {
      if (f.name().equals(upload)) {
        double within = total == 0 ? 1 : done / (double) total;
        return START + (int) ((END - START) * (before + within * f.size()) / Math.max(1, bytes));
      }
      before += f.size();
    }
    return shown;
  }
}
