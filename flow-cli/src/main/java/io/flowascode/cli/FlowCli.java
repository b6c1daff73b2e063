package io.flowascode.cli;

import io.flowascode.engine.apply.Confirmation;
import java.io.PrintWriter;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The `flow` command. Exit codes: 0 ok, 1 the input has errors, 2 usage error. */
@Command(
    name = "flow",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "Compile, check and describe declarative StreamSets flows.",
    subcommands = {ValidateCommand.class, FixCommand.class, CompileCommand.class, DescribeCommand.class, PlanCommand.class, ApplyCommand.class,
        ImportCommand.class, CatalogCommand.class, SchemaCommand.class, DefinitionsCommand.class, CommandLine.HelpCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:success (and no changes, with --detailed-exitcode)", "1:the input has errors (diagnostics printed)",
        "2:usage error", "3:a flow was refused: conflict, or drift since a saved plan", "4:the remote failed or could not be reached",
        "5:the plan has changes (only with --detailed-exitcode)"})
public final class FlowCli implements Runnable {
  public static final int OK = 0;
  public static final int INVALID_INPUT = 1;
  public static final int USAGE = 2;
  public static final int CONFLICT = 3;
  public static final int REMOTE_FAILURE = 4;
  public static final int CHANGES_PRESENT = 5;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  /** Who apply may ask for confirmation; none when not at a terminal. */
  final Optional<Confirmation.Terminal> terminal;

  /** Where credentials and defaults (FLOW_PASSWORD, FLOW_TIMEOUT, ...) are read from. */
  final Map<String, String> environment;

  FlowCli(Optional<Confirmation.Terminal> terminal, Map<String, String> environment) {
    this.terminal = terminal;
    this.environment = environment;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "name a command: validate, compile, describe, plan, apply or catalog");
  }

  public static void main(String[] args) {
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs the CLI with the given streams; used by tests so they exercise the real parsing. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    return run(args, out, err, Terminal.system(), System.getenv());
  }

  /** Runs the CLI with a given terminal (or none) and environment, as tests need. */
  static int run(String[] args, PrintWriter out, PrintWriter err, Optional<Confirmation.Terminal> terminal,
      Map<String, String> environment) {
    CommandLine cli = new CommandLine(new FlowCli(terminal, environment));
    cli.setOut(out);
    cli.setErr(err);
    cli.setExitCodeExceptionMapper(e -> USAGE);
    cli.setParameterExceptionHandler((ex, a) -> {
      ex.getCommandLine().getErr().println("flow: " + ex.getMessage());
      ex.getCommandLine().getErr().println("Run '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help' for usage.");
      return USAGE;
    });
    cli.setExecutionExceptionHandler((ex, c, parsed) -> {
      if (ex instanceof UserError u) {
        c.getErr().println("flow: " + u.getMessage());
        return u.exitCode();
      }
      throw ex;
    });
    return cli.execute(args);
  }
}
