package dev.regdoc.analysis;

import java.util.List;

/**
 * The words for one finding in one language, with the finding's values filled in.
 *
 * @param fix steps, in order
 */
public record FindingText(String title, String explanation, List<String> fix) {}
