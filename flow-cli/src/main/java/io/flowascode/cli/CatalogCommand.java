package io.flowascode.cli;

import io.flowascode.compiler.catalog.Catalog;
import io.flowascode.compiler.catalog.ConfigDefinition;
import io.flowascode.compiler.catalog.ServiceUse;
import io.flowascode.compiler.catalog.StageDefinition;
import io.flowascode.diagnostic.Suggestions;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** `flow catalog [LABEL]`: the known stages, or one stage's configurations by readable name. */
@Command(name = "catalog", mixinStandardHelpOptions = true,
    description = "List the stages the compiler knows, or show one stage's configurations (readable name, raw name, type, default).")
final class CatalogCommand implements Callable<Integer> {
  @Parameters(arity = "0..1", paramLabel = "LABEL", description = "A stage label (or stage name) to show.")
  String label;

  @Mixin
  CompilerOptionsMixin options;

  @picocli.CommandLine.ParentCommand
  FlowCli parent;

  @Override
  public Integer call() {
    Catalog catalog = options.catalog(parent.session);
    PrintWriter out = parent.session.out;
    if (label == null) {
      List<StageDefinition> all = new ArrayList<>(catalog.stages());
      all.sort(Comparator.comparing(StageDefinition::label, String.CASE_INSENSITIVE_ORDER)
          .thenComparing(s -> s.type().word()).thenComparing(StageDefinition::library));
      for (StageDefinition s : all) {
        if (s.onCanvas()) {
          out.printf("%-40s %-12s v%-3s %s%n", s.label(), s.type().word(), s.version(), s.library());
        }
      }
      out.flush();
      return FlowCli.OK;
    }
    List<StageDefinition> matches = new ArrayList<>(catalog.byLabel(label));
    if (matches.isEmpty()) {
      matches.addAll(catalog.byName(label));
    }
    if (matches.isEmpty()) {
      String hint = Suggestions.didYouMean(label, catalog.labels()).map(h -> "; " + h).orElse("");
      throw new UserError("no stage labelled `" + label + "`" + hint, FlowCli.INVALID_INPUT);
    }
    for (StageDefinition s : matches) {
      out.printf("%s (%s) v%s in %s%s%n", s.label(), s.type().word(), s.version(), s.library(), s.inferred() ? " [inferred from pipelines]" : "");
      out.printf("  name: %s%n", s.name());
      if (s.producesEvents()) {
        out.println("  produces events");
      }
      for (ConfigDefinition c : s.configs()) {
        print(out, c);
      }
      for (ServiceUse u : s.services()) {
        catalog.service(u.service()).ifPresent(svc -> {
          out.printf("  service %s:%n", u.service());
          svc.configs().forEach(c -> print(out, c));
        });
      }
      out.println();
    }
    out.flush();
    return FlowCli.OK;
  }

  private static void print(PrintWriter out, ConfigDefinition c) {
    String type = c.type().name().toLowerCase(Locale.ROOT)
        + c.model().map(m -> "/" + m.modelType().toLowerCase(Locale.ROOT)).orElse("");
    String choices = c.model().filter(m -> !m.values().isEmpty()).map(m -> " one of " + String.join("|", m.values())).orElse("");
    String def = c.defaultValue() == null || c.defaultValue().isNull() ? "" : " = " + abbreviate(c.defaultValue().toString());
    out.printf("    %-40s %-40s %s%s%s%n", c.attributeName(), c.name(), type, def, choices);
    c.model().ifPresent(m -> m.beanConfigs().forEach(sub -> {
      String subType = sub.type().name().toLowerCase(Locale.ROOT)
          + sub.model().map(sm -> "/" + sm.modelType().toLowerCase(Locale.ROOT)).orElse("");
      String subChoices = sub.model().filter(sm -> !sm.values().isEmpty())
          .map(sm -> " one of " + String.join("|", sm.values())).orElse("");
      out.printf("      - %-36s %-40s %s%s%n", sub.attributeName(), sub.name(), subType, subChoices);
    }));
  }

  private static String abbreviate(String s) {
    String one = s.replace("\n", "\\n");
    return one.length() > 60 ? one.substring(0, 57) + "..." : one;
  }
}
