package dev.aurum.web;

import dev.aurum.assistant.Answer;
import dev.aurum.assistant.Conversation;
import dev.aurum.sql.QueryExecutor;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static java.util.Objects.requireNonNull;

/**
 * The open conversations of the web app, by random id; the oldest are forgotten beyond a limit. Each conversation
 * answers one question at a time (a follow-up refines the answer before it), keeps its recent answers so feedback
 * can name one, and numbers its answers q1, q2, ...
 */
final class Conversations
{
    static final int MAX_ANSWERS_KEPT = 50;

    static final class Entry
    {
        private final String id;
        private final Conversation conversation;
        private final AtomicInteger questions = new AtomicInteger();
        private final Map<String, Answer> answers = new LinkedHashMap<>(16, 0.75f, false)
        {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Answer> eldest)
            {
                return size() > MAX_ANSWERS_KEPT;
            }
        };

        Entry(String id, Conversation conversation)
        {
            this.id = requireNonNull(id, "id is null");
            this.conversation = requireNonNull(conversation, "conversation is null");
        }

        String id()
        {
            return id;
        }

        /** Asks in this conversation; questions of one conversation wait for each other. */
        Answer ask(String text)
        {
            synchronized (conversation) {
                // tagged with this conversation, so its cancel stops only its own queries
                Answer answer = QueryExecutor.inScope(id, () -> conversation.ask("q" + questions.incrementAndGet(), text));
                synchronized (answers) {
                    answers.put(answer.id() == null ? "q" + questions.get() : answer.id(), answer);
                }
                return answer;
            }
        }

        void reset()
        {
            synchronized (conversation) {
                conversation.reset();
            }
        }

        Optional<Answer> answer(String answerId)
        {
            synchronized (answers) {
                return Optional.ofNullable(answers.get(answerId));
            }
        }
    }

    private final int limit;
    private final Map<String, Entry> open;

    Conversations(int limit)
    {
        this.limit = limit;
        this.open = new LinkedHashMap<>(16, 0.75f, true)
        {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest)
            {
                return size() > Conversations.this.limit;
            }
        };
    }

    synchronized Entry add(Conversation conversation)
    {
        Entry entry = new Entry(UUID.randomUUID().toString(), conversation);
        open.put(entry.id(), entry);
        return entry;
    }

    synchronized Optional<Entry> get(String id)
    {
        return Optional.ofNullable(open.get(id));
    }

    synchronized int size()
    {
        return open.size();
    }
}
