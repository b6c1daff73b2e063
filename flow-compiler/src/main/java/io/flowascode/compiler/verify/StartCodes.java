package io.flowascode.compiler.verify;

import org.jspecify.annotations.Nullable;
import io.flowascode.diagnostic.EngineCode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The codes stages report when they start and refuse a config's value, as recorded from the engine
 * ({@code start-codes.tsv}): a stage checks these values in its own {@code init}, under codes of
 * its own and with config names it builds itself, so only the engine can say which.
 */
public final class StartCodes {
  private static final String RESOURCE = "start-codes.tsv";
  private static final Map<String, List<EngineCode>> CODES = load();

  private StartCodes() {}

  /**
   * The engine's codes for a refused value of a config.
   *
   * @param service the service the config belongs to, or null for the stage's own
   * @return empty when the stage's answer was never recorded
   */
  public static List<EngineCode> of(String stageName, @Nullable String service, String config) {
    return CODES.getOrDefault(key(stageName, service, config), List.of());
  }

  private static String key(String stageName, @Nullable String service, String config) {
    return stageName + "\t" + (service == null ? "-" : service) + "\t" + config;
  }

  private static Map<String, List<EngineCode>> load() {
    Map<String, List<EngineCode>> codes = new LinkedHashMap<>();
    try (InputStream in = StartCodes.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the compiler's resources");
      }
      BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t");
        if (f.length != 5) {
          throw new IllegalStateException(RESOURCE + ": expected 5 tab-separated fields in: " + line);
        }
        codes.computeIfAbsent(key(f[0], "-".equals(f[1]) ? null : f[1], f[2]), k -> new ArrayList<>())
            .add(new EngineCode(f[3], "-".equals(f[4]) ? "" : f[4]));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    codes.replaceAll((k, v) -> List.copyOf(v));
    return Map.copyOf(codes);
  }
}
