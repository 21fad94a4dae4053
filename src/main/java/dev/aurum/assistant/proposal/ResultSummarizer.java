package dev.aurum.assistant.proposal;

import dev.aurum.sql.ResultColumn;

import java.util.List;
import java.util.Optional;

/**
 * Writes an answer's summary from its rows, in place of the local one (the LLM's, only when the user shares results
 * with it). Empty means "use the local summary": a summarizer that cannot vouch for every number it would state says
 * nothing.
 */
@FunctionalInterface
public interface ResultSummarizer
{
    Optional<String> summarize(String question, List<ResultColumn> columns, List<List<Object>> rows);
}
