package io.flowascode.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowascode.compiler.Compilation;
import io.flowascode.compiler.CompilerOptions;
import io.flowascode.compiler.FlowCompiler;
import io.flowascode.compiler.emit.PipelineTrees;
import io.flowascode.compiler.catalog.BundledCatalog;
import io.flowascode.compiler.emit.PipelineJson;
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
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The compiler against the physical limit in the same run: compiling a generated flow (read,
 * schema, resolve, bind, name, check, emit, write the JSON) versus only parsing the same YAML
 * with SnakeYAML Engine and only writing the same pipeline JSON tree with Jackson. Sample time
 * gives the median (p0.50) of every size.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 3)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
public class CompileBenchmark {
  @Param({"10", "100", "1000", "10000"})
  public int stages;

  private String text;
  private FlowCompiler compiler;
  private ObjectNode pipeline;
  private LoadSettings yamlSettings;
  private ObjectWriter jsonWriter;

  @Setup(Level.Trial)
  public void setUp() {
    text = FlowGenerator.flow(stages);
    compiler = new FlowCompiler(BundledCatalog.load(), CompilerOptions.DEFAULT);
    Compilation once = compiler.compile(new SourceFile("generated.flow.yaml", text));
    if (!once.diagnostics().isEmpty() || once.pipeline().isEmpty()) {
      throw new IllegalStateException("the generated flow of " + stages + " stages does not compile cleanly: "
          + once.diagnostics());
    }
    pipeline = PipelineTrees.tree(once.pipeline().get());
    // A plain parse: the core schema the compiler uses, and room for the largest flow.
    yamlSettings = LoadSettings.builder().setCodePointLimit(Integer.MAX_VALUE).build();
    DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
        .withObjectIndenter(new DefaultIndenter("  ", "\n"))
        .withArrayIndenter(new DefaultIndenter("  ", "\n"));
    jsonWriter = new ObjectMapper().writer(printer);
  }

  /** What the compiler does for one file: every phase and the written JSON. */
  @Benchmark
  public String compile() {
    Compilation c = compiler.compile(new SourceFile("generated.flow.yaml", text));
    return c.pipeline().orElseThrow().json();
  }

  /** The floor: parse the same YAML, and write the same JSON tree, with nothing in between. */
  @Benchmark
  public String baseline() throws JsonProcessingException {
    Object yaml = new Load(yamlSettings).loadFromString(text);
    String json = jsonWriter.writeValueAsString(pipeline);
    return yaml == null ? "" : json;
  }
}
