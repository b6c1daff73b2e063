package io.flowascode.diagnostic.render;

import io.flowascode.source.SourceFile;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Finds the text of a file by the name its diagnostics give, so a renderer can quote its lines. */
@FunctionalInterface
public interface SourceLookup {
  Optional<SourceFile> find(String fileName);

  /** A lookup that knows no file: diagnostics are shown without their source lines. */
  static SourceLookup none() {
    return name -> Optional.empty();
  }

  static SourceLookup of(Map<String, SourceFile> files) {
    Map<String, SourceFile> copy = Map.copyOf(files);
    return name -> Optional.ofNullable(copy.get(name));
  }

  /** A lookup over files keyed by their own names; later files with the same name win. */
  static SourceLookup of(Collection<SourceFile> files) {
    return of(files.stream().collect(Collectors.toMap(SourceFile::name, Function.identity(), (a, b) -> b)));
  }
}
