package io.flowascode.compiler.verify;

/** One family of the platform's rules, checked against a whole pipeline. */
interface PipelineRule {
  void check(Verification v);
}
