package dev.regdoc.charts;

/**
 * One rendered picture for a chat or a folder.
 *
 * @param fileName a safe file name ending in .png
 * @param title what the picture shows, in the asked language
 */
public record Picture(String fileName, String title, byte[] png) {}
