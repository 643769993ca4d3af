package dev.regdoc.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regdoc.bot.BotRuntime;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Twenty engineers upload at the same moment: every one gets their own diagnosis, nothing is lost,
 * memory stays bounded.
 */
class ParallelConversationsTest {
  private static final Path CASE2 =
      Path.of("src/test/resources/fixtures/case-study-2").toAbsolutePath();
  private static final int CONVERSATIONS = 20;

  @TempDir Path data;

  @Test
  void twentyConversationsUploadingAtOnceAreAllAnswered() throws Exception {
    try (BotRuntime bot = BotFixture.start(data)) {
      ExecutorService pool = Executors.newFixedThreadPool(CONVERSATIONS);
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Reply>> replies = new ArrayList<>();
      for (int i = 0; i < CONVERSATIONS; i++) {
        String conv = "web:parallel-" + i;
        replies.add(
            pool.submit(
                () -> {
                  start.await();
                  return bot.engine()
                      .handle(
                          Incoming.upload(
                              conv,
                              "web:user" + conv,
                              "SEP0024142DDF24 every 16 minutes",
                              List.of(
                                  new Upload("phone.pcap", 0, CASE2.resolve("phone.pcap")),
                                  new Upload(
                                      "switch-config.txt", 0, CASE2.resolve("switch-config.txt")))),
                          ProgressSink.NONE);
                }));
      }
      start.countDown();
      List<Long> cases = new ArrayList<>();
      for (Future<Reply> f : replies) {
        Reply r = f.get();
        assertThat(r.plainText()).contains("port-security-aging · 95%");
        cases.add(r.caseId());
      }
      pool.shutdown();
      assertThat(cases).doesNotHaveDuplicates().hasSize(CONVERSATIONS);
      cases.forEach(id -> assertThat(bot.store().files(id)).hasSize(2));
      System.gc();
      long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
      System.out.printf("heap used after %d parallel analyses: %d MB%n", CONVERSATIONS, used >> 20);
      assertThat(used).isLessThan(512L << 20);
    }
  }
}
