package dev.regdoc.facts;

import java.io.BufferedReader;
import java.io.IOException;

/** Reads one kind of text file (syslog, IOS config, ASA config) into facts, line by line. */
public interface TextReader {

  /**
   * Streams {@code in} and pushes facts to {@code sink}. Never throws on bad content: odd lines
   * become Anomaly facts and are counted in the summary. Only I/O failures propagate.
   *
   * @param file the name to cite in facts and messages (as the user named the file)
   */
  TextSummary read(String file, BufferedReader in, FactSink sink) throws IOException;
}
