package io.flowascode.compiler.diagnostics;

import io.flowascode.compiler.CompilerOptions;
import io.flowascode.compiler.FlowCompiler;
import io.flowascode.compiler.batch.BatchResult;
import io.flowascode.compiler.batch.FlowBatch;
import io.flowascode.compiler.catalog.BundledCatalog;
import io.flowascode.diagnostic.testing.Expectation;
import io.flowascode.diagnostic.testing.ExpectationChecker;
import io.flowascode.diagnostic.testing.ExpectationFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Problems only a batch of files can have: each file alone is fine. */
class CrossFileDiagnosticsTest {
  private final FlowBatch batch = new FlowBatch(new FlowCompiler(BundledCatalog.load(), CompilerOptions.DEFAULT));

  @Test
  void twoFilesDeclaringOneFlowIdAreReportedAtTheSecond(@TempDir Path dir) throws IOException {
    Path first = write(dir, "orders.flow.yaml", """
        flow:
          id: orders
        stages:
          files: {label: Directory, config: {data_format: JSON, files_directory: /data/in, file_name_pattern: '*.json'}}
          trash: {label: Trash}
        connections:
          - files >> trash
        """);
    Path copy = write(dir, "orders-copy.flow.yaml", """
        # A copied file that kept the id would overwrite the first pipeline on the platform.
        flow:
          # error[E0607]: the flow id `orders` is also used by orders.flow.yaml
          id: orders
        stages:
          files: {label: Directory, config: {data_format: JSON, files_directory: /data/in, file_name_pattern: '*.json'}}
          archive: {label: Local FS, config: {data_format: JSON}}
        connections:
          - files >> archive
        """);

    BatchResult result = batch.compile(List.of(first, copy), dir);

    ExpectationChecker.verify(expectations(dir, first, copy), result.allDiagnostics());
  }

  @Test
  void filesWithDifferentIdsDoNotClash(@TempDir Path dir) throws IOException {
    Path a = write(dir, "a.flow.yaml", "flow: {id: a}\nstages: {f: {label: Directory, config: {data_format: JSON, files_directory: /data/in, file_name_pattern: '*.json'}}, t: {label: Trash}}\nconnections: [f >> t]\n");
    Path b = write(dir, "b.flow.yaml", "flow: {id: b}\nstages: {f: {label: Directory, config: {data_format: JSON, files_directory: /data/in, file_name_pattern: '*.json'}}, t: {label: Trash}}\nconnections: [f >> t]\n");

    ExpectationChecker.verify(List.of(), batch.compile(List.of(a, b), dir).allDiagnostics());
  }

  private static Path write(Path dir, String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }

  private static List<Expectation> expectations(Path dir, Path... files) throws IOException {
    List<Expectation> all = new ArrayList<>();
    for (Path f : files) {
      all.addAll(ExpectationFile.parse(dir.relativize(f).toString(), Files.readString(f)));
    }
    return all;
  }
}
