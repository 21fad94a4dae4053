package dev.aurum.assistant;

import dev.aurum.assistant.proposal.QueryPlan;
import dev.aurum.assistant.proposal.Question;
import dev.aurum.assistant.proposal.Turn;
import dev.aurum.sql.TableVersions;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import static java.util.Objects.requireNonNull;

/**
 * Whole answers kept with the Delta versions of the tables they read, checked before any routing: a question asked
 * again in the same context over unchanged tables is answered without matching, planning, guarding or running
 * anything (docs/architecture.md, "Answers sooner"). The SQL-level {@code ResultCache} below it still serves a
 * different question that plans to the same SQL.
 *
 * <p>The key is what the routing reads: the engine, the question's words (case and runs of white space folded), the
 * plan a follow-up refines and, when a language model may read the conversation, its earlier turns. Only answered
 * questions with known table versions are kept; an entry whose tables moved is dropped on its next lookup.
 */
public final class AnswerCache
{
    /** Entries kept at most; past it the cache starts afresh (questions repeat within a session, not across days). */
    static final int MAX_ENTRIES = 2_000;

    record Key(Engine engine, String text, Optional<QueryPlan> previousPlan, List<Turn> history) {}

    private final TableVersions versions;
    private final Map<Key, Router.Outcome> outcomes = new ConcurrentHashMap<>();
    private final AtomicLong hits = new AtomicLong();

    public AnswerCache(TableVersions versions)
    {
        this.versions = requireNonNull(versions, "versions is null");
    }

    static Key key(Engine engine, Question question)
    {
        String text = question.text().replaceAll("\\s+", " ").trim().toLowerCase(Locale.ROOT);
        // the offline routes read only the plan a follow-up refines; a language model also reads earlier turns
        List<Turn> history = engine == Engine.OFFLINE ? List.of() : question.history();
        return new Key(engine, text, question.previousPlan(), history);
    }

    /** The kept outcome for this question in this context, when every table it read is at the version it read. */
    Optional<Router.Outcome> lookup(Key key)
    {
        Router.Outcome outcome = outcomes.get(key);
        if (outcome == null) {
            return Optional.empty();
        }
        if (!unchanged(outcome.answer())) {
            outcomes.remove(key, outcome);
            return Optional.empty();
        }
        hits.incrementAndGet();
        return Optional.of(outcome);
    }

    /**
     * Keeps an answered outcome that names the versions of the tables it read; anything else is not kept. The versions
     * are not read again here: the next lookup checks them.
     */
    void keep(Key key, Router.Outcome outcome)
    {
        Answer answer = outcome.answer();
        if (answer.status() != AnswerStatus.ANSWERED || answer.provenance() == null || answer.provenance().tableVersions() == null
                || answer.provenance().tableVersions().isEmpty()) {
            return;
        }
        if (outcomes.size() >= MAX_ENTRIES) {
            outcomes.clear();
        }
        outcomes.put(key, outcome);
    }

    /** Answers served from here, for status pages and tests. */
    public long hits()
    {
        return hits.get();
    }

    private boolean unchanged(Answer answer)
    {
        return versions.allCurrent(answer.provenance().tableVersions());
    }
}
