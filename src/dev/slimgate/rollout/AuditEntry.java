package dev.slimgate.rollout;

import java.time.Instant;

/**
 * One approved change of the rollout's phase, as kept in the append-only history of
 * {@code phases/state.yaml}.
 *
 * @param action {@code advance} or {@code rollback}
 * @param from the phase before the change; null before phase A was ever approved
 * @param to the phase after the change; null when phase A itself was rolled back
 * @param approver who approved the change
 * @param author who wrote the change being approved; null when not known (rollback)
 * @param at when the change was recorded
 * @param reason why, in the approver's words
 * @param report path of the evidence report as given; null for a rollback
 * @param reportSha256 SHA-256 of that report's bytes; null for a rollback
 */
public record AuditEntry(
    String action,
    String from,
    String to,
    String approver,
    String author,
    Instant at,
    String reason,
    String report,
    String reportSha256) {}
