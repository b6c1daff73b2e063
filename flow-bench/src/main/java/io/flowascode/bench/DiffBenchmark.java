package io.flowascode.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowascode.compiler.Compilation;
import io.flowascode.compiler.CompilerOptions;
import io.flowascode.compiler.FlowCompiler;
import io.flowascode.compiler.emit.PipelineTrees;
import io.flowascode.compiler.catalog.BundledCatalog;
import io.flowascode.compiler.catalog.Catalog;
import io.flowascode.compiler.emit.PipelineJson;
import io.flowascode.engine.diff.FlowDiff;
import io.flowascode.engine.diff.FlowDiffer;
import io.flowascode.source.SourceFile;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The semantic diff of two compiled pipelines that differ in 1% of their stage configs, against
 * the floor of parsing the two JSON documents with Jackson, in the same run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
public class DiffBenchmark {
  @Param({"1000", "10000"})
  public int stages;

  private final ObjectMapper json = new ObjectMapper();
  private Catalog catalog;
  private String beforeText;
  private String afterText;
  private JsonNode before;
  private JsonNode after;

  @Setup(Level.Trial)
  public void setUp() throws JsonProcessingException {
    catalog = BundledCatalog.load();
    Compilation c = new FlowCompiler(catalog, CompilerOptions.DEFAULT)
        .compile(new SourceFile("generated.flow.yaml", FlowGenerator.flow(stages)));
    ObjectNode pipeline = PipelineTrees.tree(c.pipeline().orElseThrow());
    beforeText = PipelineJson.write(pipeline);
    ObjectNode edited = pipeline.deepCopy();
    int configs = ConfigEdits.count(edited);
    int edits = ConfigEdits.editEvery(edited, 100);
    afterText = PipelineJson.write(edited);
    before = json.readTree(beforeText);
    after = json.readTree(afterText);
    FlowDiff diff = new FlowDiffer().diff(before, after, catalog);
    System.out.printf("%n%d stages, %d configs, %d edited (1%%): the diff reports %d changes%n",
        stages, configs, edits, diff.changes().size());
    if (diff.changes().isEmpty()) {
      throw new IllegalStateException("the edited pipeline diffs to nothing");
    }
  }

  /** The semantic diff of the two parsed pipelines. */
  @Benchmark
  public FlowDiff diff() {
    return new FlowDiffer().diff(before, after, catalog);
  }

  /** The floor: parse both JSON documents. */
  @Benchmark
  public void parseBoth(Blackhole bh) throws JsonProcessingException {
    bh.consume(json.readTree(beforeText));
    bh.consume(json.readTree(afterText));
  }
}
