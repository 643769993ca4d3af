package dev.regdoc.adapter.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regdoc.conversation.QueuedTurns;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * What a queued Discord event posts is posted once per job, whichever instance holds it, and each
 * post's nonce is the same on every instance for the same job and item, so that Discord drops a
 * second post made after a crash between the post and its record.
 */
class PostsOnceTest {

  /** The job's rows in job_posts, as every instance sees them. */
  private final Map<String, String> jobPosts = new ConcurrentHashMap<>();

  @Test
  void anItemPostedByTheInstanceThatDiedIsNotPostedAgainByTheOneTakingTheJobOver()
      throws Exception {
    List<String> posted = new ArrayList<>();
    PostsOnce first = new PostsOnce(lease(41, false));
    PostsOnce taker = new PostsOnce(lease(41, true));

    String id = first.once("progress", n -> post(posted, "progress"));
    String again = taker.once("progress", n -> post(posted, "progress"));
    taker.once("answer", n -> post(posted, "answer"));

    assertThat(again).isEqualTo(id);
    assertThat(posted).containsExactly("progress", "answer");
  }

  @Test
  void theNonceOfAnItemIsTheSameOnEveryInstanceAndDiffersByItemAndJob() {
    PostsOnce first = new PostsOnce(lease(Long.MAX_VALUE, false));
    PostsOnce taker = new PostsOnce(lease(Long.MAX_VALUE, true));
    PostsOnce other = new PostsOnce(lease(7, false));

    assertThat(taker.nonce("answer")).isEqualTo(first.nonce("answer"));
    assertThat(first.nonce("answer")).isNotEqualTo(first.nonce("progress"));
    assertThat(other.nonce("answer")).isNotEqualTo(first.nonce("answer"));
    assertThat(first.nonce("followup-failed")).hasSizeLessThanOrEqualTo(DiscordPort.MAX_NONCE);
  }

  @Test
  void aRequestAnsweredWhereItArrivedKeepsNothingAndLetsDiscordPickTheNonce() throws Exception {
    List<String> posted = new ArrayList<>();
    PostsOnce.NONE.once("progress", n -> post(posted, n));
    PostsOnce.NONE.once("progress", n -> post(posted, n));
    assertThat(posted).containsExactly(null, null);
  }

  private static String post(List<String> posted, String what) {
    posted.add(what);
    return "message-" + posted.size();
  }

  private QueuedTurns.Lease lease(long job, boolean takenOver) {
    return new QueuedTurns.Lease() {
      @Override
      public long job() {
        return job;
      }

      @Override
      public boolean stillMine() {
        return true;
      }

      @Override
      public boolean takenOver() {
        return takenOver;
      }

      @Override
      public boolean answer(String json) {
        return true;
      }

      @Override
      public Optional<String> posted(String item) {
        return Optional.ofNullable(jobPosts.get(job + "/" + item));
      }

      @Override
      public void recordPost(String item, String posted) {
        jobPosts.putIfAbsent(job + "/" + item, posted);
      }
    };
  }
}
