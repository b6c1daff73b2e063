package io.flowascode.engine.target;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Replaces a file so that readers see either the old content or the new, never a part: the bytes
 * go to a temporary file beside it, are forced to disk, and the temporary file is moved over the
 * target in one atomic rename.
 */
final class AtomicFileWriter {
  /** Temporary files start with this; readers and listings skip them. */
  static final String TEMP_PREFIX = ".tmp-";

  private AtomicFileWriter() {}

  static void write(Path target, byte[] content) throws IOException {
    Path temp = target.resolveSibling(TEMP_PREFIX + target.getFileName() + "-" + UUID.randomUUID());
    try {
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        ByteBuffer buffer = ByteBuffer.wrap(content);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        channel.force(true);
      }
      try {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        throw new IOException("the file system of " + target.getParent() + " cannot rename atomically", e);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
