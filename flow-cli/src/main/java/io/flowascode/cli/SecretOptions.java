package io.flowascode.cli;

import io.flowascode.compiler.secrets.SecretSource;
import io.flowascode.compiler.secrets.SecretSources;
import io.flowascode.compiler.secrets.SecretsFile;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * Where the values of `{secret: NAME}` come from when flows are planned or applied: the environment
 * (FLOW_SECRET_NAME), secrets files given here, and the flow-secrets.yaml beside the flows. Values
 * are never taken from the command line, where shell history and process lists would keep them.
 */
final class SecretOptions {
  @Option(names = "--secrets", paramLabel = "FILE",
      description = "A YAML file of NAME: value for the flows' {secret: NAME} (repeatable; besides FLOW_SECRET_NAME and the "
          + SecretsFile.NAME + " beside the flows).")
  List<Path> files = List.of();

  /** @param flowInputs the flow files and folders of the run, resolved, beside which flow-secrets.yaml is looked for */
  SecretSource source(Session session, List<Path> flowInputs) {
    try {
      return SecretSources.standard(session.variables, files.stream().map(session::resolve).toList(), flowInputs);
    } catch (SecretsFile.UnreadableException e) {
      throw new UserError(e.getMessage(), FlowCli.INVALID_INPUT);
    }
  }
}
