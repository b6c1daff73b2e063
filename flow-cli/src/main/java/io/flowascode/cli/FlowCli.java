package io.flowascode.cli;

import io.flowascode.engine.apply.Confirmation;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The `flow` command: subcommands, global options, exit codes, and one JSON document per run. */
@Command(
    name = "flow",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = {"Flow as Code: StreamSets Data Collector and IBM watsonx.data integration flows as YAML files, "
        + "validated, planned and applied like code.", "",
        "Start with `flow init`; then `flow validate`, `flow plan` and `flow apply` use the project's flows."},
    footerHeading = "%nEnvironment:%n",
    footer = {"  FLOW_USER, FLOW_PASSWORD,   credentials (never options; or the project",
        "  FLOW_API_KEY, FLOW_TOKEN    file's {env: NAME} references)",
        "  FLOW_TIMEOUT, FLOW_DEADLINE defaults of --timeout and --deadline",
        "  NO_COLOR                    no colour, even at a terminal", "",
        "`flow help COMMAND` shows a command's options; README.md and docs/ the rest."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:success (and no changes, with --detailed-exitcode)", "1:the input has errors (diagnostics printed)",
        "2:usage error", "3:a flow was refused: conflict, or drift since a saved plan", "4:the remote failed or could not be reached",
        "5:the plan has changes (only with --detailed-exitcode)"})
public final class FlowCli implements Callable<Integer> {
  public static final int OK = 0;
  public static final int INVALID_INPUT = 1;
  public static final int USAGE = 2;
  public static final int CONFLICT = 3;
  public static final int REMOTE_FAILURE = 4;
  public static final int CHANGES_PRESENT = 5;

  /** Every command, in the order help lists them. */
  static final Map<String, java.util.function.Supplier<Object>> COMMANDS = commands();

  private static Map<String, java.util.function.Supplier<Object>> commands() {
    Map<String, java.util.function.Supplier<Object>> m = new java.util.LinkedHashMap<>();
    m.put("init", InitCommand::new);
    m.put("validate", ValidateCommand::new);
    m.put("fmt", FmtCommand::new);
    m.put("fix", FixCommand::new);
    m.put("compile", CompileCommand::new);
    m.put("describe", DescribeCommand::new);
    m.put("plan", PlanCommand::new);
    m.put("apply", ApplyCommand::new);
    m.put("list", ListCommand::new);
    m.put("import", ImportCommand::new);
    m.put("load", LoadCommand::new);
    m.put("catalog", CatalogCommand::new);
    m.put("schema", SchemaCommand::new);
    m.put("definitions", DefinitionsCommand::new);
    m.put("completion", CompletionCommand::new);
    m.put("help", CommandLine.HelpCommand::new);
    return java.util.Collections.unmodifiableMap(m);
  }

  /** The global options that take a value, so the command's name is found after them. */
  private static final java.util.Set<String> OPTIONS_WITH_VALUES = java.util.Set.of("-C", "--chdir", "--env", "--project-file");

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  final Session session;

  FlowCli(Session session) {
    this.session = session;
  }

  @Option(names = {"-C", "--chdir"}, paramLabel = "DIR", scope = ScopeType.INHERIT,
      description = "Run as if started in DIR: relative paths and the project file are taken from there.")
  void chdir(Path dir) {
    session.base = dir;
  }

  @Option(names = "--env", paramLabel = "NAME", scope = ScopeType.INHERIT,
      description = "The project's environment to use (see flow-project.yaml; default: its default_environment).")
  void environment(String name) {
    session.environment = name;
  }

  @Option(names = "--project-file", paramLabel = "FILE", scope = ScopeType.INHERIT,
      description = "The project file (default: flow-project.yaml in the working directory, when there is one).")
  void projectFile(Path file) {
    session.projectFile = file;
  }

  @Option(names = "--color", negatable = true, scope = ScopeType.INHERIT,
      description = "Colour the output (default: at a terminal, unless NO_COLOR is set).")
  void color(boolean on) {
    session.color = on;
  }

  /** Bare `flow`: every command, and how to go on. */
  @Override
  public Integer call() {
    spec.commandLine().usage(session.err, session.color() ? CommandLine.Help.Ansi.ON : CommandLine.Help.Ansi.OFF);
    session.err.flush();
    return USAGE;
  }

  public static void main(String[] args) {
    Preload.start(args);
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs the CLI with the given streams; used by tests so they exercise the real parsing. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    return run(args, out, err, Terminal.system(), System.getenv());
  }

  /** Runs the CLI with a given terminal (or none) and environment, as tests need. */
  static int run(String[] args, PrintWriter out, PrintWriter err, Optional<Confirmation.Terminal> terminal,
      Map<String, String> environment) {
    Session session = new Session(out, err, terminal, environment);
    CommandLine cli = commandLine(new FlowCli(session), args);
    cli.setOut(out);
    cli.setErr(err);
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setExitCodeExceptionMapper(e -> USAGE);
    cli.setParameterExceptionHandler((ex, a) -> {
      String command = ex.getCommandLine().getCommandName();
      if (asksForJson(args)) {
        JsonDocument doc = new JsonDocument("flow".equals(command) ? "" : command);
        doc.error(ex.getMessage());
        out.print(doc.render(USAGE));
        out.flush();
      }
      err.println("flow: " + ex.getMessage());
      err.println("Run '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help' for usage.");
      err.flush();
      return USAGE;
    });
    cli.setExecutionExceptionHandler((ex, c, parsed) -> {
      if (ex instanceof UserError u) {
        session.document().ifPresent(d -> d.error(u.getMessage()));
        c.getErr().println("flow: " + u.getMessage());
        c.getErr().flush();
        return u.exitCode();
      }
      throw ex;
    });
    int exit = cli.execute(args);
    session.document().ifPresent(d -> {
      out.print(d.render(exit));
      out.flush();
    });
    return exit;
  }

  /**
   * The command line with the one command the arguments name, or with all of them when they name
   * none (help, completion, a typo): picocli reads every command's annotations when it is added,
   * which is a good part of a short run's start-up.
   */
  static CommandLine commandLine(FlowCli flow, String[] args) {
    CommandLine cli = new CommandLine(flow);
    String named = null;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (OPTIONS_WITH_VALUES.contains(a)) {
        i++;
      } else if (!a.startsWith("-")) {
        named = a;
        break;
      }
    }
    String command = "diff".equals(named) ? "plan" : named;
    if (command != null && COMMANDS.containsKey(command) && !"help".equals(command) && !"completion".equals(command)) {
      cli.addSubcommand(COMMANDS.get(command).get());
    } else {
      COMMANDS.values().forEach(c -> cli.addSubcommand(c.get()));
    }
    return cli;
  }

  /** Whether the arguments ask for JSON, so a usage error is one JSON document too. */
  private static boolean asksForJson(String[] args) {
    List<String> list = Arrays.asList(args);
    int i = list.indexOf("--format");
    return list.contains("--format=json") || (i >= 0 && i + 1 < list.size() && list.get(i + 1).equalsIgnoreCase("json"));
  }
}
