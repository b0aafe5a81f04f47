package org.leitwarte.cli;

import picocli.CommandLine;

/** Reads the version from the jar's manifest (absent when run from classes). */
final class VersionProvider implements CommandLine.IVersionProvider {

  @Override
  public String[] getVersion() {
    String version = VersionProvider.class.getPackage().getImplementationVersion();
    return new String[] {"Leitwarte " + (version == null ? "(development build)" : version)};
  }
}
