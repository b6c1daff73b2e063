package io.flowascode.compiler.secrets;

import java.util.List;
import java.util.Optional;

/** Several sources asked in order; the first that has a secret gives it. */
public final class ChainedSecrets implements SecretSource {
  private final List<SecretSource> sources;

  public ChainedSecrets(List<SecretSource> sources) {
    this.sources = List.copyOf(sources);
  }

  @Override
  public Optional<String> value(String name) {
    for (SecretSource s : sources) {
      Optional<String> v = s.value(name);
      if (v.isPresent()) {
        return v;
      }
    }
    return Optional.empty();
  }

  @Override
  public String describe(String name) {
    return sources.isEmpty() ? SecretSource.NONE.describe(name)
        : String.join(" or ", sources.stream().map(s -> s.describe(name)).toList());
  }
}
