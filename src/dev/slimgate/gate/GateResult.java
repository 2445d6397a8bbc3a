package dev.slimgate.gate;

import java.util.List;

/**
 * What one gate decided and why.
 *
 * @param reasons one line each, with the actual value next to its threshold
 */
public record GateResult(String gate, Verdict verdict, List<String> reasons) {}
