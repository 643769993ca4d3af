package dev.regdoc.signals;

/** An address a phone registered with or kept alive to. */
public record CucmServer(String ip) {}
