package io.flowascode.compiler.fragment;

import java.util.Objects;
import io.flowascode.compiler.catalog.Catalog;
import io.flowascode.compiler.check.EngineDiagnostics;
import io.flowascode.compiler.verify.PipelineIssue;
import io.flowascode.diagnostic.Diagnostic;
import io.flowascode.diagnostic.Diagnostics;
import io.flowascode.diagnostic.Related;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Shows what the platform's rules find in a fragment's stages, inside a flow that uses it, in the
 * fragment file, at the stage and config that cause it, with the use that makes it a problem
 * (a parameter value, the lanes into the fragment, the flow's execution mode). What the fragment
 * shows on its own was reported with the fragment, once; it is not repeated for every use.
 */
public final class FragmentIssues {
  private final Catalog catalog;
  private final List<FragmentInstance> instances;

  public FragmentIssues(Catalog catalog, List<FragmentInstance> instances) {
    this.catalog = catalog;
    this.instances = instances;
  }

  /**
   * Reports the issues about fragment stages and returns the others, for the flow's own report.
   *
   * @param compilerFoundErrors passed on to the report, as for the flow's own issues
   */
  public List<PipelineIssue> report(List<PipelineIssue> issues, boolean compilerFoundErrors, Diagnostics out) {
    if (instances.isEmpty()) {
      return issues;
    }
    List<PipelineIssue> rest = new ArrayList<>();
    Map<FragmentInstance, List<PipelineIssue>> byInstance = new LinkedHashMap<>();
    for (PipelineIssue issue : issues) {
      String name = issue.instanceName();
      Optional<FragmentInstance> owner = name == null ? Optional.empty()
          : instances.stream().filter(i -> i.fragmentStage(name).isPresent()).findFirst();
      if (owner.isEmpty()) {
        rest.add(issue);
        continue;
      }
      String inner = owner.get().fragmentStage(Objects.requireNonNull(name)).orElseThrow();
      byInstance.computeIfAbsent(owner.get(), k -> new ArrayList<>()).add(new PipelineIssue(issue.platformCode(), inner,
          issue.serviceName(), issue.configName(), issue.message(), issue.phase()));
    }
    byInstance.forEach((instance, list) -> reportFor(instance, list, compilerFoundErrors, out));
    return rest;
  }

  private void reportFor(FragmentInstance instance, List<PipelineIssue> issues, boolean compilerFoundErrors, Diagnostics out) {
    CompiledFragment f = instance.fragment();
    Set<String> known = new HashSet<>();
    f.issues().forEach(i -> known.add(key(i)));
    List<PipelineIssue> fresh = issues.stream().filter(i -> !known.contains(key(i))).toList();
    if (fresh.isEmpty()) {
      return;
    }
    Diagnostics found = new Diagnostics();
    new EngineDiagnostics(catalog, f.map(), f.body(), found).report(fresh, compilerFoundErrors, Set.of());
    Related use = new Related(instance.use().id().span(),
        "in `" + instance.use().id().value() + "`, which uses this fragment as " + instance.instanceId());
    for (Diagnostic d : found.sorted()) {
      List<Related> related = new ArrayList<>(d.related());
      related.add(use);
      out.add(new Diagnostic(d.code(), d.severity(), d.span(), d.message(), d.label(), d.help(), d.notes(), related,
          d.engineCodes(), d.fixes()));
    }
  }

  private static String key(PipelineIssue i) {
    return i.platformCode() + "|" + i.instanceName() + "|" + i.serviceName() + "|" + i.configName() + "|" + i.phase();
  }
}
