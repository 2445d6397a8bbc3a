package dev.slimgate.forge;

import dev.slimgate.forge.git.BranchResult;
import java.nio.file.Path;

/**
 * What publishing a phase did.
 *
 * @param branch what happened to the phase branch
 * @param mergeRequest what happened to the merge request
 * @param mergeRequestFile the mr.md written in the run folder
 */
public record PublishResult(
    BranchResult branch, MergeRequestResult mergeRequest, Path mergeRequestFile) {}
