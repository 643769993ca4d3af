package dev.regdoc.adapter.discord;

import dev.regdoc.conversation.QueuedTurns;
import java.io.IOException;
import java.util.Optional;

/**
 * What a queued Discord event has posted, kept with its analysis job (job_posts), so that an
 * instance taking the job over from one that died posts each item once. Each post also carries a
 * nonce made of the job's id and the item, which Discord enforces: a crash between the post and its
 * record does not post it twice either, if the takeover comes within Discord's few minutes. A
 * request answered where it arrived keeps nothing ({@link #NONE}).
 */
final class PostsOnce {
  static final PostsOnce NONE = new PostsOnce(null);

  /** Posts an item and returns what identifies it (a message id, "posted"). */
  @FunctionalInterface
  interface Post {
    String post(String nonce) throws IOException;
  }

  private final QueuedTurns.Lease lease;

  PostsOnce(QueuedTurns.Lease lease) {
    this.lease = lease;
  }

  /** What {@code item} was posted as before, if it was. */
  Optional<String> posted(String item) {
    return lease == null ? Optional.empty() : lease.posted(item);
  }

  /** Posts {@code item} unless it was posted before; returns its id either way. */
  String once(String item, Post post) throws IOException {
    Optional<String> before = posted(item);
    if (before.isPresent()) {
      return before.get();
    }
    String id = post.post(nonce(item));
    if (lease != null) {
      lease.recordPost(item, id);
    }
    return id;
  }

  /** The job's id and a hash of the item (at most 22 characters); null for no job. */
  String nonce(String item) {
    if (lease == null) {
      return null;
    }
    return Long.toString(lease.job(), 36) + "-" + Integer.toHexString(item.hashCode());
  }

  /** Whether the answer is still this instance's to post (always, for no job). */
  boolean stillMine() {
    return lease == null || lease.stillMine();
  }

  /** Whether the job was taken over from an instance that died. */
  boolean takenOver() {
    return lease != null && lease.takenOver();
  }
}
