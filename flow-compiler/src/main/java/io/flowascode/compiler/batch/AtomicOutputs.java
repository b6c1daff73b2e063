package io.flowascode.compiler.batch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Output files written all-or-nothing: each is staged in a temporary file beside its target and
 * moved into place only on {@link #commit()}; {@link #close()} without commit removes the staging.
 */
public final class AtomicOutputs implements AutoCloseable {
  private final Map<Path, Path> staged = new LinkedHashMap<>();
  private boolean committed;

  public void stage(Path target, String content) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
    Files.writeString(tmp, content, StandardCharsets.UTF_8);
    Path previous = staged.put(target, tmp);
    if (previous != null) {
      Files.deleteIfExists(previous);
    }
  }

  public List<Path> commit() throws IOException {
    List<Path> written = new ArrayList<>();
    for (Map.Entry<Path, Path> e : staged.entrySet()) {
      try {
        Files.move(e.getValue(), e.getKey(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException ex) {
        Files.move(e.getValue(), e.getKey(), StandardCopyOption.REPLACE_EXISTING);
      }
      written.add(e.getKey());
    }
    committed = true;
    return written;
  }

  @Override
  public void close() throws IOException {
    if (!committed) {
      for (Path tmp : staged.values()) {
        Files.deleteIfExists(tmp);
      }
    }
  }
}
