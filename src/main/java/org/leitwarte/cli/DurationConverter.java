package org.leitwarte.cli;

import java.time.Duration;
import org.leitwarte.config.Durations;
import picocli.CommandLine;

/** Reads durations on the command line as in the configuration ({@code 5s}, {@code 1m30s}). */
final class DurationConverter implements CommandLine.ITypeConverter<Duration> {

  @Override
  public Duration convert(String value) {
    try {
      return Durations.parse(value);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.TypeConversionException(e.getMessage());
    }
  }
}
