package dev.aurum.cli;

import dev.aurum.assistant.Answer;
import dev.aurum.assistant.Conversation;
import dev.aurum.assistant.Engine;
import dev.aurum.assistant.FeedbackLog;
import dev.aurum.semantic.SemanticModel;
import dev.aurum.sql.ResultCache;
import dev.aurum.sql.ResultColumn;

import java.util.List;
import java.util.Optional;

/**
 * Everything the ask, batch and chat commands need of the assistant, wired once (see {@link AssistantFactory}):
 * conversations, raw SQL, cancel, and what the chat shows and completes.
 */
public interface AssistantSession
        extends AutoCloseable
{
    /**
     * Starts Spark, the Gold cache and the models on background threads and returns at once; the chat calls it
     * when the prompt is about to show, so they warm up while the user types. Anything that needs them starts
     * them too. Calling it again does nothing.
     */
    default void warmUp() {}

    Conversation newConversation(Engine engine);

    /** Runs SQL the user typed; the SQL guard decides. */
    Answer runSql(String id, String sql, Engine engine);

    /** Cancels every running query (Ctrl-C). */
    void cancel();

    /**
     * Cancels only the queries started inside {@code QueryExecutor.inScope(scope, ...)} (one web conversation);
     * returns how many were running.
     */
    int cancel(String scope);

    SemanticModel model();

    /** Values of an enum dimension, for Tab completion (empty until the value index is loaded). */
    List<String> values(String dimension);

    /** The registered lakehouse tables, qualified ({@code gold.order_facts}). */
    List<String> tables();

    /** @throws dev.aurum.AurumException UNKNOWN_COLUMN when there is no such table */
    List<ResultColumn> describe(String table);

    FeedbackLog feedback();

    /** The answers' result cache, which the web app's dashboards share when it is present (docs/reference.md, "The web app"). */
    default Optional<ResultCache> resultCache()
    {
        return Optional.empty();
    }

    @Override
    void close();
}
