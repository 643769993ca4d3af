package dev.regdoc.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Test input text kept as a resource beside the test (lines too long for the source, such as real
 * syslog records): {@code TestText.of(MyTest.class, "name.log")} reads {@code MyTest/name.log} in
 * the test's package, as UTF-8.
 */
public final class TestText {
  private TestText() {}

  public static String of(Class<?> test, String name) {
    String path = test.getSimpleName() + "/" + name;
    try (InputStream in = test.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalArgumentException(
            "no test resource " + path + " beside " + test.getName());
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
