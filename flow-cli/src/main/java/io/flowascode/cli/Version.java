package io.flowascode.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine;

/**
 * The version printed by `flow --version`: the one the build stamped into `flow-version.properties`
 * (Maven resource filtering), with the Java runtime it runs on.
 */
final class Version implements CommandLine.IVersionProvider {
  static final String RESOURCE = "/io/flowascode/cli/flow-version.properties";

  @Override
  public String[] getVersion() {
    return new String[] {"flow " + version(), "Java " + System.getProperty("java.version") + " ("
        + System.getProperty("java.vm.name") + ")"};
  }

  /** The build's version, e.g. `0.1.0-SNAPSHOT`. */
  static String version() {
    Properties p = new Properties();
    try (InputStream in = Version.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the build left out " + RESOURCE);
      }
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p.getProperty("version");
  }
}
