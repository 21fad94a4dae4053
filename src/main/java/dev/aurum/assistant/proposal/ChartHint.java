package dev.aurum.assistant.proposal;

/** How to chart a result: {@code type} is line, bar or none; {@code x} and {@code y} name result columns. */
public record ChartHint(String type, String x, String y) {}
