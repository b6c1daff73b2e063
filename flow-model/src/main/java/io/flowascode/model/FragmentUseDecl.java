package io.flowascode.model;

import io.flowascode.source.Span;
import java.util.List;
import java.util.Optional;

/**
 * A stage of a flow that uses a fragment: `clean: {fragment: fragments/clean.fragment.yaml,
 * parameters: {MAX: 10}}`. It is connected like a stage; the fragment's stages take its place on
 * the platform.
 *
 * @param id the stage id the flow gives the use
 * @param path the fragment file, relative to the file that uses it
 * @param parameters values for the fragment's parameters; the others keep the fragment's defaults
 * @param instanceId pins the fragment instance id, the prefix of its stages and lanes (default: the stage id)
 * @param parameterPrefix pins the prefix of the fragment's parameters in the pipeline (default: the id in capitals and `_`)
 */
public record FragmentUseDecl(
    Located<String> id,
    Located<String> path,
    List<ParameterDecl> parameters,
    Optional<Located<String>> instanceId,
    Optional<Located<String>> parameterPrefix,
    Optional<Located<String>> description,
    Span span) {

  public FragmentUseDecl {
    parameters = List.copyOf(parameters);
  }
}
