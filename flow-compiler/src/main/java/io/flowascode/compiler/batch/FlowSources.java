package io.flowascode.compiler.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Expands the paths a user names into flow files: files as given, directories searched for `*.flow.yaml`. */
public final class FlowSources {
  private FlowSources() {}

  public static List<Path> expand(List<Path> paths) throws IOException {
    List<Path> files = new ArrayList<>();
    for (Path p : paths) {
      if (Files.isDirectory(p)) {
        try (Stream<Path> walk = Files.walk(p)) {
          walk.filter(Files::isRegularFile)
              .filter(f -> isFlowFile(f.getFileName().toString()))
              .sorted()
              .forEach(files::add);
        }
      } else {
        files.add(p);
      }
    }
    return files;
  }

  public static boolean isFlowFile(String name) {
    return name.endsWith(".flow.yaml") || name.endsWith(".flow.yml");
  }
}
