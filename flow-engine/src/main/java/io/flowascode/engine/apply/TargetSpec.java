package io.flowascode.engine.apply;

import io.flowascode.compiler.catalog.Catalog;
import io.flowascode.engine.target.BasicCredentials;
import io.flowascode.engine.target.DataCollectorTarget;
import io.flowascode.engine.target.HttpOptions;
import io.flowascode.engine.target.LocalStoreTarget;
import io.flowascode.engine.target.Secret;
import io.flowascode.engine.target.Target;
import io.flowascode.engine.target.TargetException;
import io.flowascode.engine.target.WatsonxSettings;
import io.flowascode.engine.target.WatsonxTarget;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Which target to talk to, as a user names it (`--target local|sdc|wxdi`, a URL, a project, and
 * credentials from settings.xml or the environment). `toString` never shows a secret.
 *
 * @param store the local store's directory (local target only)
 */
public record TargetSpec(
    String kind, Optional<String> url, Optional<String> project, Optional<String> user,
    Optional<Secret> password, Optional<Secret> apiKey, Path store) {

  public static final String LOCAL = "local";
  public static final String SDC = "sdc";
  public static final String WXDI = "wxdi";

  /** Fills missing credentials from FLOW_USER, FLOW_PASSWORD and FLOW_API_KEY. */
  public TargetSpec withEnvironment(Map<String, String> env) {
    return new TargetSpec(kind, url, project,
        user.or(() -> Optional.ofNullable(env.get("FLOW_USER"))),
        password.or(() -> Optional.ofNullable(env.get("FLOW_PASSWORD")).map(Secret::of)),
        apiKey.or(() -> Optional.ofNullable(env.get("FLOW_API_KEY")).map(Secret::of)),
        store);
  }

  /**
   * Opens the target.
   *
   * @throws IllegalArgumentException naming the missing or wrong option, for the user to fix
   */
  public Target open(Catalog catalog) throws TargetException {
    switch (kind.toLowerCase(Locale.ROOT)) {
      case LOCAL:
        return new LocalStoreTarget(store, catalog);
      case SDC: {
        String base = url.orElseThrow(() -> new IllegalArgumentException("the sdc target needs a URL (flow.url / --url)"));
        Optional<BasicCredentials> credentials = user.map(u -> new BasicCredentials(u, password.orElse(Secret.of(""))));
        return new DataCollectorTarget(base, credentials, HttpOptions.defaults());
      }
      case WXDI: {
        String base = url.orElseThrow(() -> new IllegalArgumentException("the wxdi target needs the API URL (flow.url / --url)"));
        String id = project.orElseThrow(() -> new IllegalArgumentException("the wxdi target needs a project id (flow.project / --project)"));
        Secret key = apiKey.orElseThrow(() -> new IllegalArgumentException(
            "the wxdi target needs an API key (a settings.xml server's password, or FLOW_API_KEY)"));
        return new WatsonxTarget(WatsonxSettings.of(base, id, key));
      }
      default:
        throw new IllegalArgumentException("unknown target `" + kind + "`; use local, sdc or wxdi");
    }
  }

  @Override
  public String toString() {
    return kind + url.map(u -> " at " + u).orElse("") + project.map(p -> " project " + p).orElse("")
        + user.map(u -> " as " + u).orElse("");
  }
}
