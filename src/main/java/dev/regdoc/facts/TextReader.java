package dev.regdoc.facts;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Reads one kind of text file (syslog, IOS config, ASA config) into facts, line by line. */
public interface TextReader {

  /**
   * Streams {@code in} and pushes facts to {@code sink}. Never throws on bad content: odd lines
   * become Anomaly facts and are counted in the summary. Only I/O failures propagate.
   *
   * @param file the name to cite in facts and messages (as the user named the file)
   */
  TextSummary read(String file, BufferedReader in, FactSink sink) throws IOException;

  /**
   * As above from the file's bytes: decoded as UTF-8, bytes that are not shown as U+FFFD. A reader
   * that judges lines on their bytes reads them itself.
   */
  default TextSummary read(String file, InputStream in, FactSink sink) throws IOException {
    var decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    return read(file, new BufferedReader(new InputStreamReader(in, decoder), 1 << 16), sink);
  }
}
