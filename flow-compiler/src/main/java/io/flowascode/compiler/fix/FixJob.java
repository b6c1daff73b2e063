package io.flowascode.compiler.fix;

import io.flowascode.compiler.Compilation;
import io.flowascode.compiler.FlowCompiler;
import io.flowascode.compiler.batch.AtomicOutputs;
import io.flowascode.compiler.batch.FlowBatch;
import io.flowascode.diagnostic.Diagnostic;
import io.flowascode.diagnostic.Fix;
import io.flowascode.diagnostic.TextEdit;
import io.flowascode.source.SourceFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * {@code flow fix}: applies the safe fixes of a set of flow files (a misspelled label, key, config,
 * value, stage id, predicate, function or parameter, where exactly one name is close), compiles
 * the result again and writes every changed file at once, or none. Only the edited spans change,
 * so comments, layout, quotes and line ends stay as written. Fixes that only show once others are
 * applied (a config of a stage whose label was misspelled) are applied in further rounds.
 *
 * <p>A round whose fixes do not repair what they were offered for is not kept: the file stays as
 * the last round left it, and the report says so.
 */
public final class FixJob {
  /** Rounds of fixing per file; each round can reveal fixes the one before hid. */
  static final int MAX_ROUNDS = 5;
  private static final String BOM = "\uFEFF";

  private final FlowCompiler compiler;

  public FixJob(FlowCompiler compiler) {
    this.compiler = compiler;
  }

  /**
   * @param files the flow files, as {@link io.flowascode.compiler.batch.FlowSources#expand} lists them
   * @param base diagnostics and the report name files relative to this directory
   * @param write false for a dry run: nothing is written, the report holds what would change
   * @throws IOException when a changed file cannot be written (then none is) or changed meanwhile
   */
  public FixReport run(List<Path> files, Path base, boolean write) throws IOException {
    List<FileFix> results = new ArrayList<>();
    for (Path path : files) {
      results.add(fix(path, FlowBatch.display(path, base)));
    }
    if (write && results.stream().anyMatch(FileFix::changed)) {
      try (AtomicOutputs outputs = new AtomicOutputs()) {
        for (FileFix f : results) {
          if (!f.changed()) {
            continue;
          }
          String now = Files.readString(f.path(), StandardCharsets.UTF_8);
          if (!now.equals(f.prefix() + f.before())) {
            throw new IOException(f.name() + " changed while it was being fixed; nothing was written, run `flow fix` again");
          }
          outputs.stage(f.path(), f.prefix() + f.after());
        }
        outputs.commit();
      }
    }
    return new FixReport(results, write);
  }

  private FileFix fix(Path path, String name) throws IOException {
    Compilation first = compiler.compile(path, name);
    if (first.source().isEmpty()) {
      return new FileFix(path, name, "", "", "", List.of(), first.diagnostics(), Optional.empty());
    }
    String before = first.source().get().text();
    // The loader drops a byte-order mark (and warns about it); a fix keeps the file's bytes otherwise as they were.
    String prefix = Files.readString(path, StandardCharsets.UTF_8).startsWith(BOM) ? BOM : "";
    String text = before;
    Compilation current = first;
    List<AppliedFix> applied = new ArrayList<>();
    Optional<String> stopped = Optional.empty();
    for (int round = 0; round < MAX_ROUNDS; round++) {
      List<Diagnostic> chosen = nonOverlapping(current.diagnostics());
      if (chosen.isEmpty()) {
        break;
      }
      String next = apply(text, chosen.stream().flatMap(d -> d.safeFix().orElseThrow().edits().stream()).toList());
      Compilation after = compiler.compile(new SourceFile(name, next));
      List<Diagnostic> unrepaired = chosen.stream().filter(d -> stillReported(d, after)).toList();
      if (!unrepaired.isEmpty()) {
        stopped = Optional.of("a fix did not repair " + unrepaired.get(0).code().id() + " at "
            + unrepaired.get(0).span() + "; it was not applied");
        break;
      }
      chosen.forEach(d -> applied.add(new AppliedFix(d, d.safeFix().orElseThrow())));
      text = next;
      current = after;
    }
    return new FileFix(path, name, prefix, before, text, applied, current.diagnostics(), stopped);
  }

  /**
   * The diagnostics with a safe fix, first come first served, leaving out fixes that touch text
   * another one edits (the same typo reported twice is fixed once).
   */
  private static List<Diagnostic> nonOverlapping(List<Diagnostic> diagnostics) {
    List<Diagnostic> chosen = new ArrayList<>();
    List<TextEdit> taken = new ArrayList<>();
    for (Diagnostic d : diagnostics) {
      Optional<Fix> fix = d.safeFix();
      if (fix.isEmpty() || fix.get().edits().stream().anyMatch(e -> taken.stream().anyMatch(t -> overlap(e, t)))) {
        continue;
      }
      chosen.add(d);
      taken.addAll(fix.get().edits());
    }
    return chosen;
  }

  private static boolean overlap(TextEdit a, TextEdit b) {
    int as = a.span().start().offset();
    int ae = a.span().end().offset();
    int bs = b.span().start().offset();
    int be = b.span().end().offset();
    return (as < be && bs < ae) || as == bs;
  }

  /** The text with the edits made, last first so earlier offsets stay valid. */
  static String apply(String text, List<TextEdit> edits) {
    List<TextEdit> ordered = new ArrayList<>(edits);
    ordered.sort(Comparator.comparingInt((TextEdit e) -> e.span().start().offset()).reversed());
    StringBuilder b = new StringBuilder(text);
    for (TextEdit e : ordered) {
      b.replace(e.span().start().offset(), e.span().end().offset(), e.replacement());
    }
    return b.toString();
  }

  /** Whether a compile still reports the problem a fix was for: same code, same place. */
  private static boolean stillReported(Diagnostic fixed, Compilation after) {
    return after.diagnostics().stream().anyMatch(d -> d.code() == fixed.code()
        && d.span().start().line() == fixed.span().start().line()
        && d.span().start().column() == fixed.span().start().column());
  }
}
