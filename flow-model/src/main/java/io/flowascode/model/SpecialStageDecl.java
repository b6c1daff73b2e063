package io.flowascode.model;

/** The error-records stage or a pipeline start/stop event stage, declared in the flow header. */
public record SpecialStageDecl(StageRef ref) {}
