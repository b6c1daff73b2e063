package io.flowascode.cli;

import picocli.CommandLine;

/** The version printed by `flow --version`, from the jar's manifest. */
final class Version implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    String v = FlowCli.class.getPackage().getImplementationVersion();
    return new String[] {"flow " + (v == null ? "development build" : v)};
  }
}
