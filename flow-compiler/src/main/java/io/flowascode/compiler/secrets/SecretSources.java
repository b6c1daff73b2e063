package io.flowascode.compiler.secrets;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The secret sources every door uses unless told otherwise, in the order asked: the environment
 * (`FLOW_SECRET_NAME`, what CI injects), the secrets files named explicitly, then the
 * {@value SecretsFile#NAME} beside the flows (a directory given, or the directory of a file given),
 * which `flow import` writes. A door with sources of its own (a project's environment) chains them
 * in front with {@link ChainedSecrets}.
 */
public final class SecretSources {
  private SecretSources() {}

  public static SecretSource standard(Map<String, String> environment, List<Path> files, List<Path> flowInputs)
      throws SecretsFile.UnreadableException {
    List<SecretSource> chain = new ArrayList<>();
    chain.add(new EnvironmentSecrets(environment));
    Set<Path> seen = new LinkedHashSet<>();
    for (Path f : files) {
      if (seen.add(f.toAbsolutePath().normalize())) {
        chain.add(SecretsFile.read(f));
      }
    }
    for (Path input : flowInputs) {
      Path dir = Files.isDirectory(input) ? input : input.toAbsolutePath().getParent();
      if (dir == null) {
        continue;
      }
      // Asked even when absent, so that a missing secret's message says where it could go.
      Path beside = dir.resolve(SecretsFile.NAME);
      if (seen.add(beside.toAbsolutePath().normalize())) {
        chain.add(SecretsFile.read(beside));
      }
    }
    return new ChainedSecrets(chain);
  }
}
