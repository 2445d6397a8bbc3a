package dev.slimgate.docker;

import java.nio.file.Path;
import java.util.Map;

/**
 * One image to build.
 *
 * @param networkMode the build's network, e.g. "host" for fixtures that install Debian packages;
 *     null for the engine's default
 * @param log where the full build output is written
 */
public record BuildRequest(
    Path dockerfile,
    Path context,
    String tag,
    Map<String, String> buildArgs,
    Map<String, String> labels,
    String networkMode,
    Path log) {}
