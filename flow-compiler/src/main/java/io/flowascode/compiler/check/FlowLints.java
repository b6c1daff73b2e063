package io.flowascode.compiler.check;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowascode.compiler.catalog.StageDefinition;
import io.flowascode.diagnostic.Code;
import io.flowascode.diagnostic.Diagnostic;
import io.flowascode.diagnostic.Diagnostics;
import io.flowascode.model.FlowFile;
import io.flowascode.model.FlowHeader;
import io.flowascode.model.Located;
import io.flowascode.model.ParameterDecl;
import io.flowascode.model.StageDecl;
import java.util.LinkedHashSet;
import java.util.Set;

/** Warnings about flows that are valid but likely not what was meant. */
public final class FlowLints {
  private FlowLints() {}

  /** W0701: a development stage (Dev Raw Data Source, ...) in a flow meant to run for real. */
  public static void devStage(StageDecl decl, StageDefinition def, Diagnostics out) {
    if (def.library().contains("-dev-lib")) {
      out.add(Diagnostic.of(Code.DEV_STAGE, decl.ref().label().or(() -> decl.ref().name()).map(Located::span).orElse(decl.id().span()),
              "`" + def.label() + "` is a development stage")
          .label("for development and testing")
          .help("replace it with a production stage before running this flow for real")
          .build());
    }
  }

  /** A parameter no configuration, predicate, setting or special stage reads. */
  public static void unusedParameters(FlowFile flow, Diagnostics out) {
    FlowHeader header = flow.header();
    if (header.parameters().isEmpty()) {
      return;
    }
    JsonNode root = flow.source().root();
    Set<String> used = new LinkedHashSet<>(ParameterUse.namesIn(root.path("stages")));
    used.addAll(ParameterUse.namesIn(root.path("flow").path("settings")));
    used.addAll(ParameterUse.namesIn(root.path("flow").path("error_records")));
    used.addAll(ParameterUse.namesIn(root.path("flow").path("start_event")));
    used.addAll(ParameterUse.namesIn(root.path("flow").path("stop_event")));
    used.addAll(ParameterUse.namesIn(root.path("flow").path("test_origin")));
    used.addAll(ParameterUse.namesIn(root.path("flow").path("stats_aggregator")));
    used.addAll(ParameterUse.namesIn(root.path("flow").path("raw_settings")));
    for (ParameterDecl p : header.parameters()) {
      // A name that is not a valid name (reported by the schema) cannot be used in an expression.
      if (!used.contains(p.name().value()) && p.name().value().matches("[A-Za-z_][A-Za-z0-9_]*")) {
        out.add(Diagnostic.of(Code.UNUSED_PARAMETER, p.name().span(), "the parameter `" + p.name().value() + "` is never used")
            .label("unused")
            .help("use it as ${" + p.name().value() + "} in a configuration or predicate, or remove it")
            .build());
      }
    }
  }
}
