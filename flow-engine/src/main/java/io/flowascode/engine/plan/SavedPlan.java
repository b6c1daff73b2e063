package io.flowascode.engine.plan;

/**
 * A plan read back from its file, with the target it was made against (as the target describes
 * itself: kind and location, never credentials), so it is only ever applied there.
 */
public record SavedPlan(Plan plan, String target) {}
