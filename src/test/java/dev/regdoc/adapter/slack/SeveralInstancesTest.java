package dev.regdoc.adapter.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.regdoc.cli.Main;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three {@code regdoc serve} processes on one PostgreSQL database behind Slack's HTTP mode (the
 * fake Slack): direct messages with a case study's files go to the instances in turn, and Slack's
 * retry of each goes to another instance. Once every upload is queued, the instance holding
 * analyses is killed (SIGKILL); the others take its jobs over when the lease runs out. Every
 * conversation gets exactly one diagnosis, the right one, and no message, file or job is lost.
 *
 * <p>Runs when REGDOC_TEST_PG_URL names a database (bot/test starts one); skipped otherwise.
 * REGDOC_TEST_CONVERSATIONS (default 30) sets the count.
 */
class SeveralInstancesTest {
  private static final String URL = System.getenv("REGDOC_TEST_PG_URL");
  private static final String USER = System.getenv().getOrDefault("REGDOC_TEST_PG_USER", "regdoc");
  private static final String PASSWORD =
      System.getenv().getOrDefault("REGDOC_TEST_PG_PASSWORD", "");
  private static final int INSTANCES = 3;
  private static final Duration LEASE = Duration.ofSeconds(10);

  /** The fixtures and the finding each must be answered with first. */
  private static final List<Map.Entry<String, String>> CASES =
      List.of(
          Map.entry("case-study-2", "port-security-aging"),
          Map.entry("case-study-1-2", "proxy-arp"));

  private static final Pattern WEB = Pattern.compile("regdoc: web chat on (http://\\S+)");
  private static final Pattern INSTANCE = Pattern.compile("regdoc: instance (\\S+)");

  @TempDir Path dir;
  private final List<Process> processes = new ArrayList<>();
  private FakeSlack slack;
  private String schema;

  @AfterEach
  void stopAll() throws Exception {
    for (Process p : processes) {
      p.destroyForcibly();
      p.waitFor(30, TimeUnit.SECONDS);
    }
    if (slack != null) {
      slack.close();
    }
    if (schema != null) {
      sql("DROP SCHEMA " + schema + " CASCADE");
    }
  }

  @Test
  void conversationsSpreadOverThreeInstancesAreEachAnsweredOnceAfterOneIsKilled() throws Exception {
    assumePostgres();
    int conversations =
        Integer.parseInt(System.getenv().getOrDefault("REGDOC_TEST_CONVERSATIONS", "30"));
    slack = new FakeSlack();
    List<Instance> instances = new ArrayList<>();
    for (int i = 0; i < INSTANCES; i++) {
      instances.add(start(i, List.of()));
    }
    for (Instance in : instances) {
      in.awaitStarted();
    }

    // GIVEN a direct message with a case study's files per conversation, sent to the instances in
    // turn, and Slack's retry of it sent to the next instance
    Map<String, String> expected = new TreeMap<>();
    Set<String> shas = new HashSet<>();
    int filesSent = 0;
    for (int c = 0; c < conversations; c++) {
      Map.Entry<String, String> kase = CASES.get(c % CASES.size());
      String event = caseEvent(c, kase.getKey(), shas);
      filesSent += fixtureFiles(kase.getKey()).size();
      instances.get(c % INSTANCES).send("Ev-c" + c, event);
      instances.get((c + 1) % INSTANCES).send("Ev-c" + c, event);
      expected.put(channel(c), kase.getValue());
    }

    // WHEN every upload is queued, the instance holding analyses is killed
    await(() -> count("SELECT COUNT(*) FROM analysis_jobs") == conversations, "every job queued");
    await(
        () -> count("SELECT COUNT(*) FROM analysis_jobs WHERE state = 'running'") > 0,
        "a job running");
    String owner =
        string("SELECT owner FROM analysis_jobs WHERE state = 'running' ORDER BY id LIMIT 1");
    Instance victim =
        instances.stream().filter(in -> owner.equals(in.id)).findFirst().orElseThrow();
    List<String> held =
        strings(
            "SELECT conversation FROM analysis_jobs WHERE state = 'running' AND owner = '"
                + owner
                + "'");
    long killedAt = System.nanoTime();
    victim.kill();

    // THEN every conversation gets one diagnosis, the right one
    Duration bound = LEASE.plus(Duration.ofSeconds(90)); // the lease, then one analysis here
    await(
        () -> diagnosedThreads().size() == conversations,
        Duration.ofMinutes(5),
        "every conversation diagnosed");
    long takenOverAfter = (System.nanoTime() - killedAt) / 1_000_000;
    Thread.sleep(2000); // a second answer, if any, would come now
    for (Map.Entry<String, String> e : expected.entrySet()) {
      List<FakeSlack.Call> answers = diagnoses(e.getKey());
      assertThat(answers).as("diagnoses in %s", e.getKey()).hasSize(1);
      assertThat(firstFindingCode(answers.get(0))).isEqualTo(e.getValue());
    }
    System.out.printf(
        "several instances: %d conversations, %d instances, killed %s holding %d job(s);"
            + " all answered %d ms after the kill (lease %d s)%n",
        conversations, INSTANCES, owner, held.size(), takenOverAfter, LEASE.toSeconds());
    double minutes = count("SELECT MAX(finished_at) - MIN(enqueued_at) FROM analysis_jobs") / 60e9;
    System.out.printf(
        "several instances: %.1f analyses a minute from the first queued to the last answered"
            + " (the kill and the lease wait included)%n",
        conversations / minutes);
    assertThat(held).isNotEmpty();
    assertThat(Duration.ofMillis(takenOverAfter)).isLessThan(bound);
    assertThat(count("SELECT COUNT(*) FROM analysis_jobs WHERE attempts > 1"))
        .isEqualTo(held.size());

    // AND nothing was lost: jobs, files, bindings, events, messages
    assertThat(count("SELECT COUNT(*) FROM analysis_jobs WHERE state = 'done'"))
        .isEqualTo(conversations);
    assertThat(count("SELECT COUNT(*) FROM conversations")).isEqualTo(conversations);
    assertThat(
            count(
                "SELECT COUNT(*) FROM (SELECT DISTINCT case_id, name, sha256 FROM file_uploads) f"))
        .isEqualTo(filesSent);
    assertThat(count("SELECT COUNT(*) FROM file_contents")).isEqualTo(shas.size());
    // each message with files is kept once, by its event id, as the job queued before Slack's ack
    assertThat(
            count(
                "SELECT COUNT(DISTINCT event_key) FROM analysis_jobs WHERE event_key LIKE"
                    + " 'slack:event:%'"))
        .isEqualTo(conversations);
    assertThat(count("SELECT COUNT(DISTINCT case_id) FROM messages WHERE from_bot"))
        .isEqualTo(conversations);
    assertThat(count("SELECT COUNT(DISTINCT case_id) FROM messages WHERE NOT from_bot"))
        .isEqualTo(conversations);

    // AND a surviving instance reports itself to operators
    Instance alive = instances.stream().filter(in -> in != victim).findFirst().orElseThrow();
    assertThat(alive.get("health").body()).isEqualTo("ok " + alive.id + "\n");
    assertThat(alive.get("ready").statusCode()).isEqualTo(200);
    assertThat(alive.get("metrics").body())
        .contains(
            "regdoc_turns_total", "regdoc_analyses_finished_total", "regdoc_jobs{state=\"done\"}");
  }

  @Test
  void anAnswerGivenJustBeforeItsInstanceDiedIsNotGivenAgainByTheInstanceThatTakesTheJobOver()
      throws Exception {
    assumePostgres();
    slack = new FakeSlack();
    // GIVEN an instance that dies (as by SIGKILL) once it has answered a queued turn, before the
    // job is marked done
    Instance dying = start(0, List.of("-Dregdoctest.halt-before-job-done=true"));
    dying.awaitStarted();
    dying.send("Ev-halt", caseEvent(0, "case-study-2", new HashSet<>()));
    assertThat(dying.process.waitFor(4, TimeUnit.MINUTES)).as("the instance died").isTrue();
    assertThat(diagnoses(channel(0))).hasSize(1);
    long pictures = uploads(channel(0));
    assertThat(pictures).as("the answer's charts were uploaded").isPositive();
    assertThat(count("SELECT COUNT(*) FROM analysis_jobs WHERE state = 'running'")).isEqualTo(1);

    // WHEN another instance takes the job over once its lease runs out
    Instance taker = start(1, List.of());
    taker.awaitStarted();
    await(
        () -> count("SELECT COUNT(*) FROM analysis_jobs WHERE state = 'done'") == 1,
        Duration.ofMinutes(4),
        "the job taken over and done");

    // THEN the conversation still shows one diagnosis, the right one
    assertThat(count("SELECT attempts FROM analysis_jobs")).isEqualTo(2);
    List<FakeSlack.Call> answers = diagnoses(channel(0));
    assertThat(answers).hasSize(1);
    assertThat(firstFindingCode(answers.get(0))).isEqualTo("port-security-aging");
    assertThat(uploads(channel(0))).as("the charts, not uploaded again").isEqualTo(pictures);
  }

  @Test
  void anEventWhoseInstanceDiesOnceItIsTakenIsAnsweredOnceAfterSlacksRetryToAnother()
      throws Exception {
    assumePostgres();
    slack = new FakeSlack();
    // GIVEN an instance that dies (as by SIGKILL) right after it has taken a message with files,
    // before anything else is done with it, and another instance
    Instance dying = start(0, List.of("-Dregdoctest.halt-after-event-taken=true"));
    Instance other = start(1, List.of());
    dying.awaitStarted();
    other.awaitStarted();
    String event = caseEvent(0, "case-study-2", new HashSet<>());
    try {
      dying.send("Ev-lost", event);
    } catch (IOException e) {
      // the instance died before it answered Slack
    }
    assertThat(dying.process.waitFor(60, TimeUnit.SECONDS)).as("the instance died").isTrue();

    // WHEN Slack sends the event again (it had no ack, or had one: a retry either way) to the other
    other.send("Ev-lost", event);

    // THEN the message is answered once, the right diagnosis
    await(() -> diagnoses(channel(0)).size() == 1, Duration.ofMinutes(3), "the message answered");
    Thread.sleep(2000); // a second answer, if any, would come now
    List<FakeSlack.Call> answers = diagnoses(channel(0));
    assertThat(answers).hasSize(1);
    assertThat(firstFindingCode(answers.get(0))).isEqualTo("port-security-aging");
    assertThat(count("SELECT COUNT(*) FROM analysis_jobs")).isOne();
  }

  @Test
  void aTextTurnAButtonPressAndTheSlashCommandWhoseInstanceDiesAfterTheAckAreAnsweredOnceByAnother()
      throws Exception {
    assumePostgres();
    slack = new FakeSlack();
    // GIVEN an instance that acknowledges Slack's turns and then holds them unanswered (as one
    // that is killed in the seconds after the ack)
    Instance dying = start(0, List.of("-Dregdoctest.hold-slack-turns=true"));
    dying.awaitStarted();
    dying.send(
        "Ev-text-lost",
        SlackHttpModeTest.mention("C701", "1700700001.000100", "<@U0REGDOC> new case"));
    dying.action("C702", "1700700002.000100", "new case", "1700700003.000200");
    dying.command("C703", "tr-cmd-lost");
    Set<String> channels = Set.of("C701", "C702", "C703");

    // WHEN it is killed (SIGKILL) and another instance starts
    assertThat(dying.kill()).isTrue();
    assertThat(openedCase(channels)).as("nothing answered before the kill").isEmpty();
    Instance taker = start(1, List.of());
    taker.awaitStarted();

    // THEN the other instance answers each turn, once
    await(
        () -> openedCase(channels).keySet().equals(channels),
        Duration.ofMinutes(2),
        "every turn answered");
    Thread.sleep(2000); // a second answer, if any, would come now
    assertThat(openedCase(channels)).isEqualTo(Map.of("C701", 1L, "C702", 1L, "C703", 1L));
    assertThat(
            slack.posts().stream()
                .filter(c -> "C703".equals(c.param("channel")) && c.param("thread_ts") == null)
                .count())
        .as("the slash command's thread opened once")
        .isOne();
    assertThat(count("SELECT COUNT(*) FROM analysis_jobs WHERE state = 'done'")).isEqualTo(3);
  }

  @Test
  void aFileSharedEventWhoseInstanceDiesAfterTheAckIsAnalysedOnceByAnother() throws Exception {
    assumePostgres();
    slack = new FakeSlack();
    // GIVEN a case thread, opened on an instance that has stopped since
    Instance first = start(0, List.of());
    first.awaitStarted();
    String thread = "1701000001.000100";
    first.send("Ev-open-1001", SlackHttpModeTest.mention("C1001", thread, "<@U0REGDOC> new case"));
    await(() -> !openedCase(Set.of("C1001")).isEmpty(), "the case opened");
    killWhenIdle(first);

    // WHEN Slack announces a capture shared in it (file_shared) to an instance that is killed after
    // the ack, holding it
    Instance dying = start(1, List.of("-Dregdoctest.hold-slack-turns=true"));
    dying.awaitStarted();
    dying.send("Ev-shared-1001", fileShared("C1001", thread, "F1001"));
    assertThat(dying.kill()).isTrue();
    Instance taker = start(2, List.of());
    taker.awaitStarted();

    // THEN the other instance analyses it, once
    await(() -> diagnoses("C1001").size() == 1, Duration.ofMinutes(3), "the file analysed");
    Thread.sleep(2000); // a second answer, if any, would come now
    List<FakeSlack.Call> answers = diagnoses("C1001");
    assertThat(answers).hasSize(1);
    assertThat(firstFindingCode(answers.get(0))).isEqualTo("port-security-aging");
  }

  /**
   * A file_shared event for case-study-2's phone capture shared in {@code thread}, the file served
   * by the fake with files.info saying where it was shared.
   */
  private String fileShared(String channel, String thread, String id) throws Exception {
    byte[] pcap =
        Files.readAllBytes(Path.of("src/test/resources/fixtures/case-study-2/phone.pcap"));
    String url = slack.serveFile(id, "phone.pcap", pcap);
    slack.fileInfo(
        id,
        "{\"id\":\""
            + id
            + "\",\"name\":\"phone.pcap\",\"size\":"
            + pcap.length
            + ",\"url_private_download\":\""
            + url
            + "\",\"shares\":{\"public\":{\""
            + channel
            + "\":[{\"ts\":\""
            + thread.replace(".000100", ".000900")
            + "\",\"thread_ts\":\""
            + thread
            + "\"}]}}}");
    return "{\"type\":\"file_shared\",\"file_id\":\""
        + id
        + "\",\"user_id\":\"U1\",\"file\":{\"id\":\""
        + id
        + "\"},\"channel_id\":\""
        + channel
        + "\",\"event_ts\":\""
        + thread.replace(".000100", ".000950")
        + "\"}";
  }

  @Test
  void anAnswerPostedJustBeforeItsInstanceDiedIsNotPostedAgainByTheInstanceThatTakesTheTurnOver()
      throws Exception {
    assumePostgres();
    slack = new FakeSlack();
    // GIVEN an instance that dies (as by SIGKILL) once it has posted a turn's answer, before the
    // post is recorded with the turn's job
    Instance dying = start(0, List.of("-Dregdoctest.halt-after-answer-posted=true"));
    dying.awaitStarted();
    try {
      dying.send(
          "Ev-posted",
          SlackHttpModeTest.mention("C901", "1700900001.000100", "<@U0REGDOC> new case"));
    } catch (IOException e) {
      // the instance died before its ack reached the sender: the turn was queued before either
    }
    assertThat(dying.process.waitFor(2, TimeUnit.MINUTES)).as("the instance died").isTrue();
    assertThat(openedCase(Set.of("C901"))).isEqualTo(Map.of("C901", 1L));
    assertThat(count("SELECT COUNT(*) FROM analysis_jobs WHERE state = 'running'")).isOne();

    // WHEN another instance takes the turn over once its lease runs out
    Instance taker = start(1, List.of());
    taker.awaitStarted();
    await(
        () -> count("SELECT COUNT(*) FROM analysis_jobs WHERE state = 'done'") == 1,
        "the turn taken over and done");

    // THEN it finds the answer in the thread by its tag, and does not post it again
    Thread.sleep(2000); // a second answer, if any, would come now
    assertThat(count("SELECT attempts FROM analysis_jobs")).isEqualTo(2);
    assertThat(openedCase(Set.of("C901"))).isEqualTo(Map.of("C901", 1L));
    assertThat(slack.calls("/api/conversations.replies")).isNotEmpty();
  }

  /** How many "opened case" answers each of {@code channels} got. */
  /** Waits until every job has ended, then kills {@code first}, so no lease of it is left. */
  private void killWhenIdle(Instance first) throws Exception {
    await(
        () -> count("SELECT COUNT(*) FROM analysis_jobs WHERE state <> 'done'") == 0,
        "every job of the first instance ended");
    first.kill();
  }

  private Map<String, Long> openedCase(Set<String> channels) {
    Map<String, Long> out = new TreeMap<>();
    for (FakeSlack.Call c : slack.posts()) {
      if (channels.contains(c.param("channel")) && c.param("text").contains("opened case")) {
        out.merge(c.param("channel"), 1L, Long::sum);
      }
    }
    return out;
  }

  @Test
  void aFileAnnouncedTwiceIsAnalysedOnceWhenTheMessageWithItIsTakenOverFromAKilledInstance()
      throws Exception {
    assumePostgres();
    slack = new FakeSlack();
    // GIVEN a case thread whose capture was analysed when Slack announced it as file_shared
    Instance first = start(0, List.of());
    first.awaitStarted();
    String thread = "1700800001.000100";
    first.send("Ev-open-801", SlackHttpModeTest.mention("C801", thread, "<@U0REGDOC> new case"));
    byte[] pcap =
        Files.readAllBytes(Path.of("src/test/resources/fixtures/case-study-2/phone.pcap"));
    String url = slack.serveFile("F801", "phone.pcap", pcap);
    slack.fileInfo(
        "F801",
        "{\"id\":\"F801\",\"name\":\"phone.pcap\",\"size\":"
            + pcap.length
            + ",\"url_private_download\":\""
            + url
            + "\",\"shares\":{\"public\":{\"C801\":[{\"ts\":\"1700800002.000100\",\"thread_ts\":\""
            + thread
            + "\"}]}}}");
    await(() -> !openedCase(Set.of("C801")).isEmpty(), "the case opened");
    first.send(
        "Ev-shared-801",
        "{\"type\":\"file_shared\",\"file_id\":\"F801\",\"user_id\":\"U1\",\"file\":{\"id\":"
            + "\"F801\"},\"channel_id\":\"C801\",\"event_ts\":\"1700800002.000200\"}");
    await(() -> diagnoses("C801").size() == 1, Duration.ofMinutes(3), "the file analysed");
    killWhenIdle(first);

    // WHEN the message with the same file is taken by an instance that is killed holding it
    Instance dying = start(1, List.of("-Dregdoctest.hold-slack-turns=true"));
    dying.awaitStarted();
    String files = file("F801", "phone.pcap", pcap.length, url);
    dying.send(
        "Ev-message-801",
        "{\"type\":\"message\",\"subtype\":\"file_share\",\"user\":\"U1\",\"text\":\"\","
            + "\"ts\":\"1700800002.000100\",\"thread_ts\":\""
            + thread
            + "\",\"channel\":\"C801\",\"channel_type\":\"channel\",\"files\":["
            + files
            + "]}");
    await(
        () ->
            count(
                    "SELECT COUNT(*) FROM analysis_jobs WHERE state = 'running' AND owner = '"
                        + dying.id
                        + "' AND event_key = 'slack:event:Ev-message-801'")
                == 1,
        "the message held");
    dying.kill();
    Instance taker = start(2, List.of());
    taker.awaitStarted();

    // THEN the instance that takes it over finds the file analysed already, as the first would have
    await(
        () ->
            count(
                    "SELECT COUNT(*) FROM analysis_jobs WHERE state = 'done'"
                        + " AND event_key = 'slack:event:Ev-message-801'")
                == 1,
        Duration.ofMinutes(3),
        "the message taken over and done");
    Thread.sleep(2000); // a second answer, if any, would come now
    assertThat(diagnoses("C801")).as("one diagnosis of the file").hasSize(1);
  }

  @Test
  void aServeStoppedBySigtermGivesItsJobBackAtOnceAndExitsZeroWithOneLine() throws Exception {
    assumePostgres();
    slack = new FakeSlack();
    // GIVEN an instance holding a job (its turn held until the instance stops) on a lease far
    // longer
    // than the wait below, and another instance idle
    Instance holding =
        start(
            0,
            List.of("-Dregdoctest.hold-queued-turns=true", "-Dregdoc.analyses.lease-seconds=600"));
    holding.awaitStarted();
    holding.send("Ev-term", caseEvent(0, "case-study-2", new HashSet<>()));
    await(
        () ->
            count(
                    "SELECT COUNT(*) FROM analysis_jobs WHERE state = 'running' AND owner = '"
                        + holding.id
                        + "'")
                == 1,
        "the job held");
    Instance other = start(1, List.of());
    other.awaitStarted();

    // WHEN the holding instance gets SIGTERM
    holding.process.destroy();

    // THEN it exits 0 within the bound, saying in one line that it gave the job back
    assertThat(holding.process.waitFor(30, TimeUnit.SECONDS)).as("exited within 30 s").isTrue();
    assertThat(holding.process.exitValue()).isZero();
    assertThat(Files.readAllLines(holding.out))
        .filteredOn(l -> l.startsWith("regdoc: stopped"))
        .containsExactly(
            "regdoc: stopped by a signal: 1 analysis job given back to the queue for another"
                + " instance");
    // and the other instance takes the job at once, not after the ten-minute lease, and answers it
    await(
        () ->
            count(
                    "SELECT COUNT(*) FROM analysis_jobs WHERE state = 'done' AND owner = '"
                        + other.id
                        + "'")
                == 1,
        "the job answered by the other instance");
    assertThat(count("SELECT attempts FROM analysis_jobs")).as("a release, not a takeover").isOne();
    List<FakeSlack.Call> answers = diagnoses(channel(0));
    assertThat(answers).hasSize(1);
    assertThat(firstFindingCode(answers.get(0))).isEqualTo("port-security-aging");
  }

  /** The files uploaded into a channel (the last step of files.uploadV2, once per upload). */
  private long uploads(String channel) {
    return slack.calls().stream()
        .filter(c -> c.path().equals("/api/files.completeUploadExternal"))
        .filter(c -> channel.equals(c.param("channel_id")))
        .count();
  }

  /**
   * The bench line (bot/bench-instances): analyses a minute for one and for three instances on the
   * same database, each taking the same conversations, and the instances' CPU time against what the
   * machine's cores could give in that time. Skipped unless REGDOC_BENCH_CONVERSATIONS is set.
   */
  @Test
  void benchAnalysesAMinuteOnOneAndOnThreeInstances() throws Exception {
    String n = System.getenv("REGDOC_BENCH_CONVERSATIONS");
    assumeTrue(
        n != null && !n.isBlank(),
        "REGDOC_BENCH_CONVERSATIONS is not set: the bench runs from bot/bench-instances");
    assumePostgres();
    slack = new FakeSlack();
    int conversations = Integer.parseInt(n);
    for (int instances : new int[] {1, 3}) {
      System.out.println(benchRound(instances, conversations));
    }
  }

  private String benchRound(int count, int conversations) throws Exception {
    sql("DROP SCHEMA " + schema + " CASCADE");
    sql("CREATE SCHEMA " + schema);
    List<Instance> instances = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      instances.add(start(processes.size(), List.of()));
    }
    for (Instance in : instances) {
      in.awaitStarted();
    }
    double cpuBefore = cpuSeconds(instances);
    String loadBefore = Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    long wallStart = System.nanoTime();
    for (int c = 0; c < conversations; c++) {
      Map.Entry<String, String> kase = CASES.get(c % CASES.size());
      instances.get(c % count).send("Ev-b" + c, caseEvent(c, kase.getKey(), new HashSet<>()));
    }
    await(
        () -> count("SELECT COUNT(*) FROM analysis_jobs WHERE state = 'done'") == conversations,
        Duration.ofMinutes(30),
        "every analysis done");
    double wall = (System.nanoTime() - wallStart) / 1e9;
    double cpu = cpuSeconds(instances) - cpuBefore;
    double busy = count("SELECT MAX(finished_at) - MIN(enqueued_at) FROM analysis_jobs") / 1e9;
    int cores = Runtime.getRuntime().availableProcessors();
    String loadAfter = Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    for (Instance in : instances) {
      in.kill();
    }
    double share = cpu / (wall * cores);
    // what limits it: the analyses are CPU work, so either they had the cores (then more instances
    // on the same cores add nothing) or other processes had them
    String limit =
        share >= 0.8
            ? "CPU-bound: the instances kept the cores busy"
            : Double.parseDouble(loadAfter) > cores
                ? "CPU-bound, on cores other processes held (load average above the core count)"
                : "not CPU-bound: the instances waited on something else";
    return String.format(
        "bench: %d instance(s) x %d analyses at once, %d conversations: %.1f analyses a minute"
            + " (first queued to last answered %.0f s), %.2f s CPU an analysis; the instances used"
            + " %.0f s CPU of the %.0f s x %d cores the machine had meanwhile (%.0f%%); load"
            + " average %s before, %s after: %s",
        count,
        2,
        conversations,
        conversations / (busy / 60),
        busy,
        cpu / conversations,
        cpu,
        wall,
        cores,
        100 * share,
        loadBefore,
        loadAfter,
        limit);
  }

  private static double cpuSeconds(List<Instance> instances) {
    return instances.stream()
            .mapToLong(
                in ->
                    in.process
                        .toHandle()
                        .info()
                        .totalCpuDuration()
                        .orElse(Duration.ZERO)
                        .toMillis())
            .sum()
        / 1000.0;
  }

  private void assumePostgres() throws Exception {
    assumeTrue(
        URL != null && !URL.isBlank(),
        "REGDOC_TEST_PG_URL is not set, so the several-instances test is skipped"
            + " (bot/test sets it when it can start PostgreSQL 15)");
    schema = "scale_" + ProcessHandle.current().pid();
    sql("CREATE SCHEMA " + schema);
  }

  private static String channel(int conversation) {
    return "D" + (100 + conversation);
  }

  /** A direct message in conversation {@code c} with a case study's files, served by the fake. */
  private String caseEvent(int c, String fixture, Set<String> shas) throws Exception {
    StringBuilder files = new StringBuilder();
    int n = 0;
    for (Path f : fixtureFiles(fixture)) {
      byte[] bytes = Files.readAllBytes(f);
      shas.add(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
      String id = "F" + c + "x" + n++;
      String name = f.getFileName().toString();
      files
          .append(files.length() == 0 ? "" : ",")
          .append(file(id, name, bytes.length, slack.serveFile(id, name, bytes)));
    }
    return directMessage(channel(c), "1700100" + (100 + c) + ".000100", files.toString());
  }

  /** The channels (one conversation each) with a diagnosis. */
  private Set<String> diagnosedThreads() {
    Set<String> out = new HashSet<>();
    for (FakeSlack.Call c : slack.calls()) {
      if (isDiagnosis(c)) {
        out.add(c.param("channel"));
      }
    }
    return out;
  }

  /**
   * The diagnoses in a channel's conversation as Slack shows them: one per posted message, and a
   * message edited into a diagnosis (the queued answer replaces its progress message) once, however
   * often it was edited, with its last text.
   */
  private List<FakeSlack.Call> diagnoses(String channel) {
    Map<String, FakeSlack.Call> byMessage = new LinkedHashMap<>();
    int posted = 0;
    for (FakeSlack.Call c : slack.calls()) {
      if (!isDiagnosis(c) || !channel.equals(c.param("channel"))) {
        continue;
      }
      if (c.path().equals("/api/chat.update")) {
        byMessage.put("edited " + c.param("ts"), c);
      } else if (c.path().equals("/api/chat.postMessage")) {
        byMessage.put("posted " + posted++, c);
      }
    }
    return List.copyOf(byMessage.values());
  }

  private static boolean isDiagnosis(FakeSlack.Call c) {
    return c.param("blocks") != null && c.param("blocks").contains("\"header\"");
  }

  private static String firstFindingCode(FakeSlack.Call answer) throws IOException {
    return FakeSlack.blockTexts(answer).stream()
        .filter(t -> t.startsWith("`"))
        .map(t -> t.substring(1, t.indexOf('`', 1)))
        .findFirst()
        .orElse("(none)");
  }

  private static List<Path> fixtureFiles(String fixture) throws IOException {
    try (Stream<Path> s = Files.list(Path.of("src/test/resources/fixtures", fixture))) {
      return s.filter(p -> !p.toString().endsWith("README.md")).sorted().toList();
    }
  }

  private static String directMessage(String channel, String ts, String files) {
    return "{\"type\":\"message\",\"subtype\":\"file_share\",\"user\":\"U1\",\"text\":\"\",\"ts\":\""
        + ts
        + "\",\"channel\":\""
        + channel
        + "\",\"channel_type\":\"im\",\"files\":["
        + files
        + "]}";
  }

  private static String file(String id, String name, long size, String url) {
    return "{\"id\":\""
        + id
        + "\",\"name\":\""
        + name
        + "\",\"size\":"
        + size
        + ",\"url_private_download\":\""
        + url
        + "\"}";
  }

  /** One regdoc serve process and what it printed. */
  private final class Instance {
    final Process process;
    final Path out;
    final int slackPort;
    String id;
    String web;

    Instance(Process process, Path out, int slackPort) {
      this.process = process;
      this.out = out;
      this.slackPort = slackPort;
    }

    /** SIGKILL: no shutdown hook, no lease handed back; whether it ended within 30 s. */
    boolean kill() throws InterruptedException {
      process.destroyForcibly();
      return process.waitFor(30, TimeUnit.SECONDS);
    }

    void awaitStarted() throws Exception {
      await(
          () -> {
            String s = Files.readString(out);
            if (!process.isAlive()) {
              throw new AssertionError(
                  "serve ended: "
                      + s
                      + Files.readString(out.resolveSibling(out.getFileName() + ".err")));
            }
            return s.contains("regdoc: Slack connected");
          },
          Duration.ofMinutes(3),
          "regdoc serve started");
      String s = Files.readString(out);
      Matcher m = INSTANCE.matcher(s);
      assertThat(m.find()).as(s).isTrue();
      id = m.group(1);
      Matcher w = WEB.matcher(s);
      assertThat(w.find()).as(s).isTrue();
      web = w.group(1);
    }

    void send(String eventId, String event) throws Exception {
      new SignedSender(slackPort, SlackHttpModeTest.SECRET).event(eventId, event);
    }

    /** A button press in {@code thread}, as Slack's interactivity request. */
    void action(String channel, String thread, String value, String actionTs) throws Exception {
      String payload =
          "{\"type\":\"block_actions\",\"team\":{\"id\":\"T0TEST\"},\"user\":{\"id\":\"U2\"},"
              + "\"api_app_id\":\"A1\",\"channel\":{\"id\":\""
              + channel
              + "\"},\"trigger_id\":\"tr-"
              + actionTs
              + "\",\"container\":{\"type\":\"message\",\"message_ts\":\""
              + thread
              + "\",\"thread_ts\":\""
              + thread
              + "\",\"channel_id\":\""
              + channel
              + "\"},\"actions\":[{\"type\":\"button\",\"action_id\":\"regdoc.0\",\"value\":\""
              + value
              + "\",\"action_ts\":\""
              + actionTs
              + "\"}]}";
      form("payload=" + URLEncoder.encode(payload, StandardCharsets.UTF_8));
    }

    /** The slash command in {@code channel}. */
    void command(String channel, String triggerId) throws Exception {
      form(
          "token=x&team_id=T0TEST&team_domain=test&channel_id="
              + channel
              + "&channel_name=voice&user_id=U9&user_name=kim&command=%2Fregdoc&text="
              + "&api_app_id=A1&trigger_id="
              + triggerId
              + "&response_url="
              + URLEncoder.encode(slack.base() + "/resp", StandardCharsets.UTF_8));
    }

    private void form(String body) throws Exception {
      HttpResponse<String> r =
          new SignedSender(slackPort, SlackHttpModeTest.SECRET)
              .send(
                  body,
                  "application/x-www-form-urlencoded",
                  SlackHttpModeTest.SECRET,
                  SignedSender.now(),
                  Map.of());
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    HttpResponse<String> get(String path) throws Exception {
      return HttpClient.newHttpClient()
          .send(
              HttpRequest.newBuilder(URI.create(web + path)).build(),
              HttpResponse.BodyHandlers.ofString());
    }
  }

  private Instance start(int n, List<String> jvmOptions) throws Exception {
    Path home = Files.createDirectories(dir.resolve("instance-" + n));
    // both ports chosen while both are held: the web chat on "any free port" was once given the
    // port just chosen for Slack, which was free again by then
    int slackPort;
    int webPort;
    try (ServerSocket s = new ServerSocket(0);
        ServerSocket w = new ServerSocket(0)) {
      slackPort = s.getLocalPort();
      webPort = w.getLocalPort();
    }
    String url = URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            "-Xmx768m",
            "-XX:TieredStopAtLevel=1",
            "-Djava.awt.headless=true",
            "-Duser.timezone=UTC",
            "-Dfile.encoding=UTF-8",
            "-Duser.home=" + home,
            "-Dregdoc.kb=" + Path.of("knowledge-base").toAbsolutePath(),
            "-Dregdoc.rules=" + Path.of("rules").toAbsolutePath(),
            "-Dregdoc.data.dir=" + home.resolve("data"),
            "-Dregdoc.db.url=" + url,
            "-Dregdoc.db.user=" + USER,
            "-Dregdoc.analyses.parallel=2",
            "-Dregdoc.analyses.lease-seconds=" + LEASE.toSeconds()));
    cmd.addAll(jvmOptions); // after the defaults above, so that a test's own setting wins
    cmd.addAll(
        List.of(
            Main.class.getName(), "serve", "--port", Integer.toString(webPort), "--no-terminal"));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(home.toFile());
    Map<String, String> env = pb.environment();
    env.keySet().removeIf(k -> k.startsWith("SLACK_") || k.startsWith("REGDOC_"));
    env.put("REGDOC_DB_PASSWORD", PASSWORD);
    env.put("SLACK_BOT_TOKEN", FakeSlack.BOT_TOKEN);
    env.put("SLACK_SIGNING_SECRET", SlackHttpModeTest.SECRET);
    env.put("REGDOC_SLACK_MODE", "http");
    env.put("REGDOC_SLACK_HTTP_HOST", "127.0.0.1");
    env.put("REGDOC_SLACK_HTTP_PORT", Integer.toString(slackPort));
    env.put("REGDOC_SLACK_API_BASE_URL", slack.apiBase());
    env.put("REGDOC_SLACK_FILE_HOSTS", "127.0.0.1");
    env.put("REGDOC_SLACK_RATE_PER_MINUTE", "1000");
    Path out = home.resolve("serve.out");
    pb.redirectOutput(out.toFile());
    pb.redirectError(home.resolve("serve.out.err").toFile());
    Process p = pb.start();
    processes.add(p);
    return new Instance(p, out, slackPort);
  }

  @FunctionalInterface
  private interface Condition {
    boolean holds() throws Exception;
  }

  private static void await(Condition c, String what) throws Exception {
    await(c, Duration.ofMinutes(2), what);
  }

  private static void await(Condition c, Duration limit, String what) throws Exception {
    long end = System.nanoTime() + limit.toNanos();
    while (!c.holds()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("timed out waiting for: " + what);
      }
      Thread.sleep(100);
    }
  }

  private long count(String query) throws Exception {
    return Long.parseLong(string(query));
  }

  private String string(String query) throws Exception {
    List<String> all = strings(query);
    return all.isEmpty() ? null : all.get(0);
  }

  private List<String> strings(String query) throws Exception {
    try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD);
        Statement st = c.createStatement()) {
      st.execute("SET search_path TO " + schema);
      List<String> out = new ArrayList<>();
      try (ResultSet rs = st.executeQuery(query)) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
      return out;
    }
  }

  private static void sql(String statement) throws Exception {
    try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD);
        Statement st = c.createStatement()) {
      st.execute(statement);
    }
  }
}
