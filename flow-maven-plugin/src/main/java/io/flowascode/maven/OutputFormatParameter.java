package io.flowascode.maven;

import io.flowascode.diagnostic.render.OutputFormat;
import org.apache.maven.plugin.MojoFailureException;

/** Reads the `flow.output` parameter, naming the parameter when its value is wrong. */
final class OutputFormatParameter {
  private OutputFormatParameter() {}

  static OutputFormat parse(String value) throws MojoFailureException {
    try {
      return OutputFormat.parse(value);
    } catch (IllegalArgumentException e) {
      throw new MojoFailureException("flow.output: " + e.getMessage(), e);
    }
  }
}
