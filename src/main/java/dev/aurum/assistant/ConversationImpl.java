package dev.aurum.assistant;

import dev.aurum.assistant.proposal.Proposal;
import dev.aurum.assistant.proposal.QueryPlan;
import dev.aurum.assistant.proposal.Question;
import dev.aurum.assistant.proposal.Turn;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * One chat: remembers the previous answer's plan so follow-ups ("now by state", "only 2018") refine it, and the
 * choices of the last clarification so the user can answer with the choice's number or text.
 */
public final class ConversationImpl
        implements Conversation
{
    /** Earlier turns a follow-up can refer to; the LLM's prompt carries them. */
    static final int MAX_HISTORY = 6;

    private final Router router;
    private final Engine engine;
    private Optional<QueryPlan> previousPlan = Optional.empty();
    private Optional<Answer> lastAnswer = Optional.empty();
    private Map<String, Proposal.Planned> choicePlans = Map.of();
    private List<String> choices = List.of();
    private final List<Turn> history = new ArrayList<>();

    ConversationImpl(Router router, Engine engine)
    {
        this.router = requireNonNull(router, "router is null");
        this.engine = requireNonNull(engine, "engine is null");
    }

    public Engine engine()
    {
        return engine;
    }

    @Override
    public synchronized Answer ask(String id, String question)
    {
        requireNonNull(question, "question is null");
        String text = question.trim();
        String chosen = chosenChoice(text);
        Router.Outcome outcome;
        if (chosen != null && choicePlans.containsKey(chosen)) {
            outcome = router.runChoice(id, chosen, engine, choicePlans.get(chosen));
        }
        else {
            outcome = router.route(id, new Question(chosen != null ? chosen : text, previousPlan, history), engine);
        }
        Answer answer = outcome.answer();
        lastAnswer = Optional.of(answer);
        history.add(new Turn(answer.question() == null ? text : answer.question(), answer.status() == AnswerStatus.ANSWERED ? answer.sql() : null));
        if (history.size() > MAX_HISTORY) {
            history.remove(0);
        }
        if (answer.status() == AnswerStatus.ANSWERED) {
            // a trusted answer has no plan to refine: the next question starts afresh
            previousPlan = outcome.plan();
        }
        choicePlans = outcome.choicePlans();
        choices = answer.status() == AnswerStatus.CLARIFICATION && answer.choices() != null ? answer.choices() : List.of();
        return answer;
    }

    /** "2" or the text of a choice of the last clarification; null when the input is a new question. */
    private String chosenChoice(String text)
    {
        if (choices.isEmpty()) {
            return null;
        }
        if (text.matches("\\d{1,2}")) {
            int index = Integer.parseInt(text);
            return index >= 1 && index <= choices.size() ? choices.get(index - 1) : null;
        }
        return choices.stream().filter(choice -> choice.equalsIgnoreCase(text)).findFirst().orElse(null);
    }

    @Override
    public synchronized Optional<Answer> lastAnswer()
    {
        return lastAnswer;
    }

    @Override
    public synchronized void reset()
    {
        previousPlan = Optional.empty();
        lastAnswer = Optional.empty();
        choicePlans = Map.of();
        choices = List.of();
        history.clear();
    }
}
