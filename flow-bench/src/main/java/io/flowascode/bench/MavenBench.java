package io.flowascode.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * `mvn validate` of a throwaway project holding 200 flows, with the flow plugin bound to the
 * validate phase and without it: the difference is what `flow:validate` costs a build. The
 * project is written to {@code flow-bench/target/maven-bench}; the plugin must be resolvable by
 * the Maven command given (see BENCHMARKS.md for installing it into a private repository).
 * {@code MavenBench RUNS FLOWS MVN [MAVEN_ARGS...]}.
 */
public final class MavenBench {
  private MavenBench() {}

  public static void main(String[] args) throws Exception {
    int runs = Integer.parseInt(args[0]);
    int flows = Integer.parseInt(args[1]);
    List<String> maven = List.of(args).subList(2, args.length);
    Path root = Path.of("").toAbsolutePath();
    Path project = root.resolve("flow-bench/target/maven-bench");
    writeProject(project, flows);
    ProcessTimer timer = new ProcessTimer(runs, project);
    ProcessTimer.Timing without = timer.time("mvn validate, no plugin", command(maven, "pom-without-plugin.xml"));
    ProcessTimer.Timing with = timer.time("mvn validate with flow:validate of " + flows + " flows",
        command(maven, "pom-with-plugin.xml"));
    System.out.println(without.line());
    System.out.println(with.line());
    System.out.printf("flow:validate adds %.0f ms (median against median), %.1f ms per flow%n",
        with.medianMs() - without.medianMs(), (with.medianMs() - without.medianMs()) / flows);
  }

  private static List<String> command(List<String> maven, String pom) {
    List<String> c = new ArrayList<>(maven);
    c.addAll(List.of("-q", "-B", "-o", "-f", pom, "validate"));
    return c;
  }

  /** 200 flows of 10 to 58 stages, each with its own id, and the two poms. */
  static void writeProject(Path project, int flows) throws IOException {
    Path dir = project.resolve("src/main/flows");
    Files.createDirectories(dir);
    try (var old = Files.list(dir)) {
      for (Path p : old.toList()) {
        Files.delete(p);
      }
    }
    for (int i = 1; i <= flows; i++) {
      String id = String.format("flow-%03d", i);
      Files.writeString(dir.resolve(id + ".flow.yaml"), FlowGenerator.flow(10 + (i % 7) * 8, id), StandardCharsets.UTF_8);
    }
    Files.writeString(project.resolve("pom-without-plugin.xml"), pom(""), StandardCharsets.UTF_8);
    Files.writeString(project.resolve("pom-with-plugin.xml"), pom("""
          <build>
            <plugins>
              <plugin>
                <groupId>io.flowascode</groupId>
                <artifactId>flow-maven-plugin</artifactId>
                <version>0.1.0-SNAPSHOT</version>
                <executions>
                  <execution>
                    <phase>validate</phase>
                    <goals><goal>validate</goal></goals>
                  </execution>
                </executions>
              </plugin>
            </plugins>
          </build>
        """), StandardCharsets.UTF_8);
  }

  private static String pom(String build) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <project xmlns="http://maven.apache.org/POM/4.0.0">
          <modelVersion>4.0.0</modelVersion>
          <groupId>bench.flowascode</groupId>
          <artifactId>maven-bench</artifactId>
          <version>1.0</version>
          <packaging>pom</packaging>
        %s</project>
        """.formatted(build);
  }
}
