package io.flowascode.compiler.batch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
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
    stage(target, content, false);
  }

  /**
   * Stages a file only its owner may read or write, whatever the umask or the mode of the file it
   * replaces (secrets); on a file system without POSIX permissions, as {@link #stage}.
   */
  public void stageOwnerOnly(Path target, String content) throws IOException {
    stage(target, content, true);
  }

  private void stage(Path target, String content, boolean ownerOnly) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    if (dir == null) {
      throw new IOException("not a file: " + target); // the root directory
    }
    Files.createDirectories(dir);
    Path tmp = newStagingFile(dir, target);
    if (ownerOnly) {
      try {
        // Before the content is written, so the value is never readable by others.
        Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException notPosix) {
        // The file system has no POSIX permissions to set.
      }
    }
    Files.writeString(tmp, content, StandardCharsets.UTF_8);
    Path previous = staged.put(target, tmp);
    if (previous != null) {
      Files.deleteIfExists(previous);
    }
  }

  /**
   * Moves every staged file into place. If one move fails, the files already moved are taken back
   * and the files they replaced restored, so the targets end as they were, and the failure thrown.
   */
  public List<Path> commit() throws IOException {
    List<Path> written = new ArrayList<>();
    Map<Path, Path> replaced = new LinkedHashMap<>();
    try {
      for (Map.Entry<Path, Path> e : staged.entrySet()) {
        Path target = e.getKey();
        if (Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
          Path backup = Files.createTempFile(target.toAbsolutePath().getParent(), "." + target.getFileName(), ".bak");
          move(target, backup);
          replaced.put(target, backup);
        }
        move(e.getValue(), target);
        written.add(target);
      }
    } catch (IOException failure) {
      for (Path target : written) {
        try {
          Files.deleteIfExists(target);
        } catch (IOException rollback) {
          failure.addSuppressed(rollback);
        }
      }
      for (Map.Entry<Path, Path> r : replaced.entrySet()) {
        try {
          move(r.getValue(), r.getKey());
        } catch (IOException rollback) {
          failure.addSuppressed(rollback);
        }
      }
      throw failure;
    }
    for (Path backup : replaced.values()) {
      Files.deleteIfExists(backup);
    }
    committed = true;
    return written;
  }

  /**
   * A new empty file beside the target, with the permissions the target will need: a file it
   * replaces keeps its own; a new one gets what the user's umask gives any new file (not the
   * owner-only mode of {@link Files#createTempFile}, which would make compiled pipelines unreadable
   * to the rest of a build or a web server).
   */
  private static Path newStagingFile(Path dir, Path target) throws IOException {
    for (int attempt = 0; ; attempt++) {
      Path tmp = dir.resolve("." + target.getFileName() + "." + Long.toUnsignedString(RANDOM.nextLong(), 36) + ".tmp");
      try {
        Files.createFile(tmp);
      } catch (java.nio.file.FileAlreadyExistsException e) {
        if (attempt < 10) {
          continue;
        }
        throw e;
      }
      if (Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
        try {
          Files.setPosixFilePermissions(tmp, Files.getPosixFilePermissions(target));
        } catch (UnsupportedOperationException notPosix) {
          // The file system has no POSIX permissions to keep.
        }
      }
      return tmp;
    }
  }

  private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException ex) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
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
