import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The last lines of bot/test: how many tests ran, failed and were skipped, read from the JUnit XML
 * reports Maven wrote (surefire and failsafe), and for each group of skipped tests why. Run with
 * the JDK's source launcher: {@code java src/test/scripts/TestSummary.java DIR...}.
 */
public final class TestSummary {
  private static final Pattern CASE =
      Pattern.compile("<testcase\\b([^>]*?)(/>|>(.*?)</testcase>)", Pattern.DOTALL);
  private static final Pattern SKIPPED = Pattern.compile("<skipped(?:\\s+message=\"([^\"]*)\")?");

  private TestSummary() {}

  public static void main(String[] args) throws IOException {
    int run = 0;
    int failed = 0;
    int skipped = 0;
    List<String> failures = new ArrayList<>();
    Map<String, Integer> skips = new TreeMap<>();
    for (String dir : args) {
      Path d = Path.of(dir);
      if (!Files.isDirectory(d)) {
        continue;
      }
      List<Path> reports;
      try (Stream<Path> s = Files.list(d)) {
        reports =
            s.filter(p -> p.getFileName().toString().matches("TEST-.*\\.xml")).sorted().toList();
      }
      for (Path report : reports) {
        String xml = Files.readString(report);
        Matcher c = CASE.matcher(xml);
        while (c.find()) {
          run++;
          String body = c.group(3) == null ? "" : c.group(3);
          String cls = shortName(attribute(c.group(1), "classname"));
          if (body.contains("<failure") || body.contains("<error")) {
            failed++;
            failures.add(cls + "." + attribute(c.group(1), "name"));
          }
          Matcher s = SKIPPED.matcher(body);
          if (s.find()) {
            skipped++;
            String why = s.group(1) == null ? "no reason given" : unescape(s.group(1));
            skips.merge(cls + ": " + why.replaceFirst("^Assumption failed: ", ""), 1, Integer::sum);
          }
        }
      }
    }
    if (run == 0) {
      System.out.println("bot/test: no test reports found (the build stopped before the tests)");
      return;
    }
    failures.stream().limit(20).forEach(f -> System.out.println("bot/test: failed: " + f));
    skips.forEach((why, n) -> System.out.println("bot/test: skipped " + n + " in " + oneLine(why)));
    System.out.println(
        "bot/test: " + run + " tests run, " + failed + " failed, " + skipped + " skipped");
  }

  private static String attribute(String attrs, String name) {
    Matcher m = Pattern.compile("\\b" + name + "=\"([^\"]*)\"").matcher(attrs);
    return m.find() ? unescape(m.group(1)) : "";
  }

  private static String shortName(String cls) {
    return cls.substring(cls.lastIndexOf('.') + 1);
  }

  private static String oneLine(String s) {
    String one = s.replaceAll("\\s+", " ").strip();
    return one.length() > 200 ? one.substring(0, 200) + "..." : one;
  }

  private static String unescape(String s) {
    return s.replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&#10;", " ")
        .replace("&amp;", "&");
  }
}
