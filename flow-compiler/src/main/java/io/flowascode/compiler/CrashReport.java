package io.flowascode.compiler;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A compiler crash (E0900) written down for its bug report: the file it failed on and the whole
 * stack trace, with every cause, in a file of its own; the diagnostic names that file instead of
 * showing a trace to the user.
 */
final class CrashReport {
  private CrashReport() {}

  /**
   * Writes the report into {@code directory}.
   *
   * @return the report's path, or empty when it could not be written (the diagnostic then says so)
   */
  static Optional<Path> write(Path directory, String fileName, Throwable crash) {
    StringWriter trace = new StringWriter();
    try (PrintWriter out = new PrintWriter(trace)) {
      out.println("flow compiler crash (E0900) while compiling " + fileName);
      out.println("java " + System.getProperty("java.version") + " on " + System.getProperty("os.name"));
      out.println();
      crash.printStackTrace(out);
    }
    try {
      Files.createDirectories(directory);
      Path report = Files.createTempFile(directory, "flow-crash-", ".txt");
      Files.writeString(report, trace.toString(), StandardCharsets.UTF_8);
      return Optional.of(report.toAbsolutePath());
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
