package io.flowascode.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * `flow completion`: the shell completion script picocli generates from the command's own model,
 * so every command and option completes, and stays in step with the tool.
 */
@Command(name = "completion", mixinStandardHelpOptions = true,
    description = {"Print a completion script for bash and zsh (commands, options, files).", "",
        "bash:  source <(flow completion)        (or save it to /etc/bash_completion.d/flow)",
        "zsh:   autoload -U +X bashcompinit && bashcompinit && source <(flow completion)"})
final class CompletionCommand implements Callable<Integer> {
  @ParentCommand
  FlowCli parent;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    parent.session.out.print(AutoComplete.bash("flow", spec.parent().commandLine()));
    parent.session.out.flush();
    return FlowCli.OK;
  }
}
