package dev.slimgate.rollout;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The parts of a run's {@code report.json} that decide whether a phase may be approved, and
 * the hash that ties the approval to exactly that file.
 *
 * @param path the report as given on the command line
 * @param problem why the report cannot be used; null when it was read
 * @param phase the phase the report is about
 * @param verdict pass, fail or inconclusive
 * @param sha256 SHA-256 of the file's bytes, lower-case hex
 */
public record EvidenceReport(
    Path path, String problem, String phase, String verdict, String sha256) {

  static final String SCHEMA_PREFIX = "slimgate.report/";

  /** Reads {@code path}; a missing or malformed file gives a report whose problem says why. */
  public static EvidenceReport read(Path path) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(path);
    } catch (IOException e) {
      return broken(path, "the report " + path + " cannot be read (" + e.getMessage()
          + "); give the report.json of the phase's passing run");
    }
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(bytes);
    } catch (JsonProcessingException e) {
      return broken(path, "the report " + path + " is not JSON (" + e.getOriginalMessage() + ")");
    } catch (IOException e) {
      return broken(path, "the report " + path + " cannot be read (" + e.getMessage() + ")");
    }
    String schema = root == null ? "" : root.path("schema").asText("");
    if (!schema.startsWith(SCHEMA_PREFIX)) {
      return broken(path, "the report " + path + " has schema '" + schema + "', expected "
          + SCHEMA_PREFIX + "N: give the report.json that slimgate run wrote");
    }
    return new EvidenceReport(path, null, root.path("phase").asText(""),
        root.path("verdict").asText(""), sha256(bytes));
  }

  private static EvidenceReport broken(Path path, String problem) {
    return new EvidenceReport(path, problem, null, null, null);
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
