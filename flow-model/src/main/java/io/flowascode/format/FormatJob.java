package io.flowascode.format;

import io.flowascode.diagnostic.Code;
import io.flowascode.diagnostic.Diagnostic;
import io.flowascode.diagnostic.Diagnostics;
import io.flowascode.source.SourceFile;
import io.flowascode.source.SourceLoader;
import io.flowascode.source.Span;
import io.flowascode.yaml.YamlLimits;
import io.flowascode.yaml.YamlTreeReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * `fmt` for one file, as every door runs it: read it as the compiler reads it (the same limits and
 * YAML checks, so a file fmt cannot read is reported with the same diagnostics), then lay it out
 * with {@link FlowFormatter}.
 */
public final class FormatJob {
  /**
   * @param formatted the canonical text, empty when the file could not be read or laid out
   * @param original the text as read (line ends as in the file)
   */
  public record Result(String file, Optional<String> original, Optional<String> formatted, List<Diagnostic> diagnostics) {
    public Result {
      diagnostics = List.copyOf(diagnostics);
    }

    /** True when the file was read and its layout is not the canonical one. */
    public boolean changed() {
      return formatted.isPresent() && !formatted.equals(original);
    }

    public boolean hasErrors() {
      return diagnostics.stream().anyMatch(Diagnostic::isError);
    }
  }

  private FormatJob() {}

  public static Result format(Path path, String displayName) {
    Diagnostics out = new Diagnostics();
    Optional<SourceFile> source = new SourceLoader(YamlLimits.DEFAULT.maxFileBytes()).load(path, displayName, out);
    if (source.isEmpty()) {
      return new Result(displayName, Optional.empty(), Optional.empty(), out.sorted());
    }
    String text = source.get().text();
    if (new YamlTreeReader().read(source.get(), out).isEmpty() || out.hasErrors()) {
      return new Result(displayName, Optional.of(text), Optional.empty(), out.sorted());
    }
    try {
      return new Result(displayName, Optional.of(text), Optional.of(FlowFormatter.format(text)), out.sorted());
    } catch (IllegalArgumentException e) {
      out.add(Diagnostic.of(Code.ALIAS_USED, Span.ofFile(displayName), "fmt cannot lay this file out: " + e.getMessage())
          .label("left as it is")
          .help("write the shared values out instead of using anchors and aliases")
          .build());
      return new Result(displayName, Optional.of(text), Optional.empty(), out.sorted());
    }
  }
}
