package io.flowascode.compiler;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowascode.compiler.catalog.BundledCatalog;
import io.flowascode.compiler.catalog.Catalog;
import io.flowascode.diagnostic.Code;
import io.flowascode.diagnostic.Diagnostic;
import io.flowascode.source.SourceFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A compiler crash is one E0900 naming the file that holds its stack trace; no trace reaches the user. */
class CrashReportTest {
  @TempDir
  Path dir;

  @Test
  void aCrashWritesItsTraceToAFileTheDiagnosticNames() throws IOException {
    Catalog bundled = BundledCatalog.load();
    // A catalog without its expression catalog: the expression checks fail on the first `${...}`.
    Catalog broken = new Catalog(bundled.stages(), bundled.services(), bundled.pipelineConfigs(), null);
    FlowCompiler compiler = new FlowCompiler(broken, CompilerOptions.DEFAULT.withCrashReportDirectory(dir));

    Compilation c = compiler.compile(new SourceFile("crash.flow.yaml", """
        flow: {id: crash}
        stages:
          dev: {label: Dev Raw Data Source}
          route:
            label: Stream Selector
            predicates: {big: '${record:value("/n") > 1}'}
          trash: {label: Trash}
        connections:
          - dev >> route
          - route[big] >> trash
          - route[default] >> trash
        """));

    assertThat(c.diagnostics()).filteredOn(d -> d.code() == Code.INTERNAL_ERROR).hasSize(1);
    assertThat(c.pipeline()).isEmpty();
    Diagnostic crash = c.diagnostics().stream().filter(d -> d.code() == Code.INTERNAL_ERROR).findFirst().orElseThrow();
    assertThat(crash.message()).doesNotContain("\tat ");
    Matcher where = Pattern.compile("the stack trace written to (\\S+)").matcher(crash.help().orElseThrow());
    assertThat(where.find()).as(crash.help().orElseThrow()).isTrue();
    Path report = Path.of(where.group(1));
    assertThat(report.getParent()).isEqualTo(dir.toAbsolutePath());
    assertThat(Files.readString(report, StandardCharsets.UTF_8))
        .contains("while compiling crash.flow.yaml", "NullPointerException", "\tat io.flowascode.compiler.");
  }
}
