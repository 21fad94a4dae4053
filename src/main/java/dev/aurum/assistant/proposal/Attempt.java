package dev.aurum.assistant.proposal;

/** One try at SQL that failed a check or a run, kept so the user (and the repair step) can see why. */
public record Attempt(String sql, String error) {}
