package io.flowascode.bench;

import io.flowascode.compiler.Compilation;
import io.flowascode.compiler.CompilerOptions;
import io.flowascode.compiler.FlowCompiler;
import io.flowascode.compiler.catalog.BundledCatalog;
import io.flowascode.compiler.emit.PipelineJson;
import io.flowascode.diagnostic.Diagnostic;
import io.flowascode.source.SourceFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * Prints a digest of everything the compiler produces (pipeline JSON and every diagnostic with
 * its place) for the generated flows, variants of them written in other orders, and any flow
 * files given: run before and after a performance change, the two outputs must be identical.
 * {@code OutputDigest [FILE_OR_DIR...]}.
 */
public final class OutputDigest {
  private OutputDigest() {}

  public static void main(String[] args) throws IOException {
    FlowCompiler compiler = new FlowCompiler(BundledCatalog.load(), CompilerOptions.DEFAULT);
    for (int n : new int[] {10, 100, 1000, 10000}) {
      String text = FlowGenerator.flow(n);
      print(compiler, "generated-" + n, text);
      print(compiler, "generated-" + n + "-edited", FlowGenerator.edited(n, 100));
      print(compiler, "generated-" + n + "-connections-reversed", reversedSection(text, "connections:"));
      print(compiler, "generated-" + n + "-bottom-up", FlowGenerator.bottomUp(n));
    }
    List<Path> files = new ArrayList<>();
    for (String a : args) {
      Path p = Path.of(a);
      if (Files.isDirectory(p)) {
        try (Stream<Path> s = Files.walk(p)) {
          s.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).sorted().forEach(files::add);
        }
      } else {
        files.add(p);
      }
    }
    for (Path f : files) {
      print(compiler, f.toString(), Files.readString(f, StandardCharsets.UTF_8));
    }
  }

  /** The flow with the items of one top-level list in reverse order: edges written bottom-up. */
  static String reversedSection(String text, String header) {
    List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
    int start = lines.indexOf(header) + 1;
    int end = start;
    while (end < lines.size() && lines.get(end).startsWith("  - ")) {
      end++;
    }
    Collections.reverse(lines.subList(start, end));
    return String.join("\n", lines);
  }

  private static void print(FlowCompiler compiler, String name, String text) {
    Compilation c = compiler.compile(new SourceFile(name, text));
    StringBuilder all = new StringBuilder();
    c.pipeline().ifPresent(p -> all.append(PipelineJson.write(p)));
    for (Diagnostic d : c.diagnostics()) {
      all.append(d).append('\n');
    }
    System.out.printf("%s %s json=%s diagnostics=%d%n", sha256(all.toString()), name,
        c.pipeline().isPresent(), c.diagnostics().size());
  }

  private static String sha256(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)))
          .substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
