package dev.aurum.semantic;

import java.util.List;

/**
 * The distinct values of the model's enum dimensions, stored with the lakehouse and rebuilt after each pipeline
 * run, with a matcher tolerant of case, accents, underscores, plurals and small typos.
 */
public interface ValueIndex
{
    /** Matches for a phrase (one or more words), best first; empty when nothing matches well enough. */
    List<ValueMatch> match(String phrase);

    /** Every indexed value of one dimension (for completion and clarification choices). */
    List<String> values(String dimension);
}
