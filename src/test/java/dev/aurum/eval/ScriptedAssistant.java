package dev.aurum.eval;

import dev.aurum.assistant.Answer;
import dev.aurum.assistant.AnswerStatus;
import dev.aurum.assistant.Assistant;
import dev.aurum.assistant.Conversation;
import dev.aurum.assistant.Engine;
import dev.aurum.assistant.Route;
import dev.aurum.sql.ResultColumn;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/** A test assistant: scripted answers per question, and a record of which conversation asked what, in order. */
final class ScriptedAssistant
        implements Assistant
{
    private final Map<String, BiFunction<String, String, Answer>> script = new HashMap<>();
    final List<String> asked = new ArrayList<>();
    final List<Engine> engines = new ArrayList<>();
    private int conversations;

    ScriptedAssistant on(String question, BiFunction<String, String, Answer> answer)
    {
        script.put(question, answer);
        return this;
    }

    ScriptedAssistant answer(String question, List<ResultColumn> columns, List<List<Object>> rows)
    {
        return on(question, (id, text) -> answered(id, text, columns, rows, Route.PLANNER));
    }

    ScriptedAssistant status(String question, AnswerStatus status, String sql, String message)
    {
        return on(question, (id, text) -> new Answer(id, text, status, Route.PLANNER, sql, null, null, null, null, null, message,
                status == AnswerStatus.CLARIFICATION ? List.of("revenue", "orders") : null, null, null, null, new Answer.Timings(5L, null, null, null, null, null)));
    }

    static Answer answered(String id, String question, List<ResultColumn> columns, List<List<Object>> rows, Route route)
    {
        return new Answer(id, question, AnswerStatus.ANSWERED, route, "SELECT scripted", columns, rows, (long) rows.size(), false, null, null, null,
                null, null, new Answer.Provenance(List.of("revenue"), List.of("customer_state"), List.of("year = 2017"), List.of(), null, List.of(), List.of(),
                null, Map.of()),
                new Answer.Timings(12L, 1L, 10L, null, 100L, 20L));
    }

    @Override
    public Conversation newConversation(Engine engine)
    {
        engines.add(engine);
        int number = ++conversations;
        return new Conversation()
        {
            private Answer last;

            @Override
            public Answer ask(String id, String question)
            {
                asked.add(number + ":" + question);
                BiFunction<String, String, Answer> answer = script.get(question);
                last = answer == null
                        ? new Answer(id, question, AnswerStatus.CLARIFICATION, Route.PLANNER, null, null, null, null, null, null, "unscripted", List.of(),
                                null, null, null, null)
                        : answer.apply(id, question);
                return last;
            }

            @Override
            public Optional<Answer> lastAnswer()
            {
                return Optional.ofNullable(last);
            }

            @Override
            public void reset()
            {
                last = null;
            }
        };
    }
}
