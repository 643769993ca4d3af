package dev.regdoc.facts;

public enum Transport {
  UDP,
  TCP
}
