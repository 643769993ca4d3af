package dev.regdoc.signals;

/** A MAC address that frames from an IP address carried as their Ethernet source. */
public record HostMac(String ip, String mac) {}
