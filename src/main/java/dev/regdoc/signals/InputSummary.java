package dev.regdoc.signals;

/** What an analysis had to work with, so "nothing found" can say what was checked. */
public record InputSummary(int phones, int refreshes, int keepalives, int registrations, int alarms, int arpPackets, int configs, int captures) {}
