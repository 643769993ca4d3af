package dev.regdoc.bot;

/**
 * A config that regdoc cannot use, in one line: where (file and line, or the -D property), which
 * key, and what is wrong with it.
 */
public final class ConfigException extends IllegalArgumentException {
  ConfigException(String message) {
    super(message);
  }

  ConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
