package io.flowascode.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowascode.compiler.Compilation;
import io.flowascode.compiler.CompilerOptions;
import io.flowascode.compiler.FlowCompiler;
import io.flowascode.compiler.catalog.BundledCatalog;
import io.flowascode.compiler.catalog.Catalog;
import io.flowascode.compiler.catalog.CatalogFormat;
import io.flowascode.compiler.verify.PipelineVerifier;
import io.flowascode.engine.diff.FlowDiffer;
import io.flowascode.imports.ImportResult;
import io.flowascode.imports.ImportedFlow;
import io.flowascode.imports.PipelineImporter;
import io.flowascode.compiler.emit.PipelineTrees;
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
 * files given, and what is derived from each real pipeline of a corpus folder: run before and after
 * a change that must keep behaviour, the two outputs must be identical.
 * {@code OutputDigest [FILE_OR_DIR...] [--corpus PIPELINE_DIR]}.
 */
public final class OutputDigest {
  private OutputDigest() {}

  public static void main(String[] args) throws Exception {
    FlowCompiler compiler = new FlowCompiler(BundledCatalog.load(), CompilerOptions.DEFAULT);
    for (int n : new int[] {10, 100, 1000, 10000}) {
      String text = FlowGenerator.flow(n);
      print(compiler, "generated-" + n, text);
      print(compiler, "generated-" + n + "-edited", FlowGenerator.edited(n, 100));
      print(compiler, "generated-" + n + "-connections-reversed", reversedSection(text, "connections:"));
      print(compiler, "generated-" + n + "-bottom-up", FlowGenerator.bottomUp(n));
    }
    List<Path> files = new ArrayList<>();
    List<Path> corpora = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--corpus") && i + 1 < args.length) {
        corpora.add(Path.of(args[++i]));
        continue;
      }
      Path p = Path.of(args[i]);
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
    for (Path corpus : corpora) {
      try (Stream<Path> s = Files.list(corpus)) {
        for (Path f : s.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
          printPipeline(compiler.catalog(), f);
        }
      }
    }
  }

  /**
   * Everything the tool derives from one real pipeline: the platform's verdict on it, its import
   * (flow text and notes), the compile of that flow, and the plan from the original to the compiled
   * pipeline; so the three readers of pipeline JSON (verifier, importer, differ) are covered too.
   */
  private static void printPipeline(Catalog bundled, Path file) throws Exception {
    JsonNode root = new ObjectMapper().readTree(file.toFile());
    String name = file.getFileName().toString();
    StringBuilder all = new StringBuilder();
    PipelineVerifier.verify(root, bundled).forEach(i -> all.append(i).append('\n'));
    ImportResult result = new PipelineImporter(bundled).importPipeline(root, name);
    String outcome = "refused";
    if (result instanceof ImportResult.Refused r) {
      all.append(r.reason());
    } else if (result instanceof ImportResult.Imported imported) {
      ImportedFlow flow = imported.flow();
      all.append(flow.yaml()).append(flow.definitions().orElse("")).append(flow.notes()).append('\n');
      Catalog catalog = flow.definitions().isPresent() ? bundled.overlay(CatalogFormat.read(flow.definitions().get())) : bundled;
      Compilation c = new FlowCompiler(catalog, CompilerOptions.DEFAULT).compile(new SourceFile(flow.flowFileName(), flow.yaml()));
      c.pipeline().ifPresent(p -> all.append(p.json()));
      c.diagnostics().forEach(d -> all.append(digestForm(d)).append('\n'));
      c.pipeline().ifPresent(p -> all.append(new FlowDiffer().diff(root, PipelineTrees.tree(p), catalog).changes()));
      outcome = "json=" + c.pipeline().isPresent() + " diagnostics=" + c.diagnostics().size();
    }
    System.out.printf("%s %s %s%n", sha256(all.toString()), name, outcome);
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
    c.pipeline().ifPresent(p -> all.append(p.json()));
    for (Diagnostic d : c.diagnostics()) {
      all.append(digestForm(d)).append('\n');
    }
    System.out.printf("%s %s json=%s diagnostics=%d%n", sha256(all.toString()), name,
        c.pipeline().isPresent(), c.diagnostics().size());
  }

  /**
   * A diagnostic as the digest has always hashed it (the record's text as it was before fixes were
   * added to it), so that adding fields to {@link Diagnostic} keeps the digests of earlier outputs.
   */
  static String digestForm(Diagnostic d) {
    return "Diagnostic[code=" + d.code() + ", severity=" + d.severity() + ", span=" + d.span() + ", message="
        + d.message() + ", label=" + d.label() + ", help=" + d.help() + ", notes=" + d.notes() + ", related="
        + d.related() + ", engineCodes=" + d.engineCodes() + "]";
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
