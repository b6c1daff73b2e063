package io.flowascode.engine.project;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds a project's file the way git finds its repository: in a folder or the nearest parent holding one. */
public final class ProjectFiles {
  private ProjectFiles() {}

  /** `flow-project.yaml` in {@code start} or its nearest ancestor, named from {@code start}. */
  public static Optional<Path> find(Path start) {
    Path dir = start.toAbsolutePath().normalize();
    Path base = dir;
    while (dir != null) {
      Path candidate = dir.resolve(ProjectFile.FILE_NAME);
      if (Files.isRegularFile(candidate)) {
        return Optional.of(start.resolve(base.relativize(candidate)).normalize());
      }
      dir = dir.getParent();
    }
    return Optional.empty();
  }
}
