package io.flowascode.compiler.fragment;

import io.flowascode.compiler.Compilation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

/**
 * The fragment files a compiler has read, each compiled once however many flows use it (and again
 * only when the file changes), so that a fragment's own problems are found once and every flow
 * that uses it gets the same stages.
 */
public final class FragmentLibrary {
  private record Entry(FileTime modified, long size, Compilation compilation) {}

  private final BiFunction<Path, String, Compilation> compiler;
  private final Map<Path, Entry> compiled = new ConcurrentHashMap<>();

  /** @param compiler compiles a file, shown under a name, as the flows' compiler does */
  public FragmentLibrary(BiFunction<Path, String, Compilation> compiler) {
    this.compiler = compiler;
  }

  /** The compilation of a fragment file (a failed one when it cannot be read). */
  public Compilation compile(Path file, String displayName) {
    Path key = file.toAbsolutePath().normalize();
    FileTime modified = null;
    long size = -1;
    try {
      modified = Files.getLastModifiedTime(key);
      size = Files.size(key);
    } catch (IOException e) {
      // Not readable: the compiler reports why, and nothing is kept.
      return compiler.apply(key, displayName);
    }
    Entry known = compiled.get(key);
    if (known != null && Objects.equals(known.modified(), modified) && known.size() == size) {
      return known.compilation();
    }
    Compilation c = compiler.apply(key, displayName);
    compiled.put(key, new Entry(modified, size, c));
    return c;
  }
}
