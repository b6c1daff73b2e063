package io.flowascode.engine.target;

import java.util.Optional;

/**
 * A flow as a target lists it, without its pipeline.
 *
 * @param revision empty when the listing does not carry it (watsonx lists no pipeline content)
 */
public record RemoteFlowSummary(String id, String title, Optional<String> revision) {}
