package dev.slimgate.regression;

import java.nio.file.Path;

/**
 * What to run and compare.
 *
 * @param baseline image whose outputs are the truth, or null when comparing with a reference
 * @param candidate image under test, or null when only recording a reference
 * @param reference stored reference output set used instead of running the baseline, or null
 * @param recordReference folder where the baseline's outputs are stored as a new reference, or
 *     null
 * @param inputs host folder mounted read-only at /in, or null
 * @param out folder for work folders and logs (out/baseline, out/candidate)
 */
public record RegressionRequest(
    String baseline,
    String candidate,
    Path reference,
    Path recordReference,
    Path inputs,
    Path out) {}
