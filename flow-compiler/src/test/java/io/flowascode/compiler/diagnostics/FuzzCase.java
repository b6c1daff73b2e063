package io.flowascode.compiler.diagnostics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;

/**
 * One input for the fuzz run: a sample or bad flow file after one to three seeded mutations. The
 * name says how to rebuild it: the original file, the seed and the mutations applied.
 */
record FuzzCase(String name, String text) {
  static final Path SAMPLES = Path.of("..", "samples");

  /**
   * {@code perFile} cases for every bad flow file and four times as many for every sample, the same
   * ones on every run. Samples weigh more because their mutants often still compile, which is what
   * exercises the pipeline checks.
   */
  static List<FuzzCase> all(int perFile, long seed) {
    List<FuzzCase> cases = new ArrayList<>();
    List<Path> originals = originals();
    for (int f = 0; f < originals.size(); f++) {
      String text = read(originals.get(f));
      int count = originals.get(f).startsWith(SAMPLES) ? 4 * perFile : perFile;
      for (int n = 0; n < count; n++) {
        long caseSeed = seed * 1_000_003L + f * 10_007L + n;
        Random random = new Random(caseSeed);
        String mutated = text;
        List<String> applied = new ArrayList<>();
        int rounds = 1 + random.nextInt(3);
        for (int r = 0; r < rounds; r++) {
          FlowMutator.Kind kind = FlowMutator.Kind.values()[random.nextInt(FlowMutator.Kind.values().length)];
          mutated = FlowMutator.mutate(mutated, kind, random);
          applied.add(kind.name().toLowerCase(Locale.ROOT));
        }
        cases.add(new FuzzCase(originals.get(f).getFileName() + "#" + caseSeed + "(" + String.join("+", applied) + ")", mutated));
      }
    }
    return cases;
  }

  static List<Path> originals() {
    List<Path> files = new ArrayList<>();
    try (Stream<Path> samples = Files.list(SAMPLES)) {
      samples.filter(p -> p.getFileName().toString().endsWith(".flow.yaml")).sorted().forEach(files::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    files.addAll(BadFlowFiles.all());
    return files;
  }

  private static String read(Path p) {
    try {
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
