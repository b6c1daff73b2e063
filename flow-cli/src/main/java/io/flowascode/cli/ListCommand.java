package io.flowascode.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowascode.compiler.catalog.BundledCatalog;
import io.flowascode.engine.apply.ListJob;
import io.flowascode.engine.project.DeclaredFlows;
import io.flowascode.engine.project.ProjectFile;
import io.flowascode.engine.target.Target;
import io.flowascode.engine.target.TargetException;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** `flow list`: the flows on the target, which of them this tool manages, which the project declares. */
@Command(name = "list", mixinStandardHelpOptions = true,
    description = "List the flows on the target (--target/--url, or the project's --env): id, title, whether this tool "
        + "manages it (prune may delete it) and whether the project declares it.")
final class ListCommand implements Callable<Integer> {
  @Mixin
  RemoteOptions remote;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
  String format;

  @ParentCommand
  FlowCli parent;

  @Override
  public Integer call() {
    Session session = parent.session;
    session.begin("list", format);
    Set<String> declared;
    try {
      declared = session.project().file().isPresent()
          ? DeclaredFlows.ids(session.project().file().map(ProjectFile::flows).orElseThrow()) : Set.of();
    } catch (IOException e) {
      throw new UserError("cannot list the project's flows: " + e.getMessage(), FlowCli.INVALID_INPUT);
    }
    List<ListJob.Listed> flows;
    String where;
    try (Target target = RemoteSession.open(session, remote, BundledCatalog.load())) {
      where = target.describe();
      flows = new ListJob(target, RemoteSession.parallelism(session, remote)).list(declared);
    } catch (TargetException e) {
      throw new UserError(e.getMessage(), FlowCli.REMOTE_FAILURE);
    }
    boolean project = session.project().file().isPresent();
    if (session.json()) {
      ArrayNode list = session.doc().body().putArray("flows");
      for (ListJob.Listed f : flows) {
        ObjectNode o = list.addObject().put("id", f.id()).put("title", f.title()).put("revision", f.revision().orElse(null));
        if (f.managed().isPresent()) {
          o.put("managed", f.managed().get());
        } else {
          o.putNull("managed");
        }
        o.put("inProject", project ? f.inProject() : null);
        o.put("problem", f.problem().orElse(null));
      }
      return flows.stream().anyMatch(f -> f.problem().isPresent()) ? FlowCli.REMOTE_FAILURE : FlowCli.OK;
    }
    int idWidth = Math.max(2, flows.stream().mapToInt(f -> f.id().length()).max().orElse(0));
    int titleWidth = Math.min(40, Math.max(5, flows.stream().mapToInt(f -> f.title().length()).max().orElse(0)));
    String row = "%-" + idWidth + "s  %-" + titleWidth + "s  %-7s" + (project ? "  %s" : "%s") + "%n";
    session.out.printf(row, "ID", "TITLE", "MANAGED", project ? "IN PROJECT" : "");
    for (ListJob.Listed f : flows) {
      String title = f.title().length() > titleWidth ? f.title().substring(0, titleWidth - 1) + "…" : f.title();
      String managed = f.managed().map(m -> m ? "yes" : "no").orElse("?");
      session.out.printf(row, f.id(), title, managed, project ? (f.inProject() ? "yes" : "no") : "");
    }
    long managed = flows.stream().filter(f -> f.managed().orElse(false)).count();
    session.out.println(flows.size() + " flow(s) on " + where + ", " + managed + " managed by flow-as-code"
        + (project ? ", " + flows.stream().filter(ListJob.Listed::inProject).count() + " in the project" : "") + ".");
    flows.stream().filter(f -> f.problem().isPresent())
        .forEach(f -> session.out.println("could not read " + f.id() + ": " + f.problem().get()));
    session.out.flush();
    return flows.stream().anyMatch(f -> f.problem().isPresent()) ? FlowCli.REMOTE_FAILURE : FlowCli.OK;
  }
}
