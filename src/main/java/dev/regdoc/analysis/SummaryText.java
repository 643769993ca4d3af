package dev.regdoc.analysis;

import java.util.List;

/**
 * The words for one summarised cause in one language, filled in.
 *
 * @param top the phones with the most events, most first
 * @param detailCli how to get one phone's findings on the command line
 * @param detailChat how to ask for one phone's findings in the chat
 */
public record SummaryText(
    String title,
    String span,
    String topLabel,
    List<TopDevice> top,
    String detailCli,
    String detailChat) {

  public SummaryText {
    top = List.copyOf(top);
  }

  /** One of the phones with the most events and what to say about it. */
  public record TopDevice(String device, String note) {}
}
