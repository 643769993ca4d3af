package dev.regdoc.logs;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Opens log and config files as UTF-8 text that never fails to decode: bytes that are not UTF-8
 * become U+FFFD, which {@link LineContent} then reports. (Files.newBufferedReader would throw on
 * them.)
 */
public final class LenientText {

  private LenientText() {}

  public static BufferedReader open(Path file) throws IOException {
    return open(Files.newInputStream(file));
  }

  public static BufferedReader open(InputStream in) {
    var decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    return new BufferedReader(new InputStreamReader(in, decoder));
  }
}
