package dev.aurum.assistant.offline;

import dev.aurum.assistant.proposal.Proposal;
import dev.aurum.semantic.InMemoryValueIndex;
import dev.aurum.semantic.SemanticModel;
import dev.aurum.semantic.SemanticModelLoader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The planner refuses questions about the future and requests to change or send something; the phrases come from en.yaml ("planner"). */
class PlannerRefusalsTest
{
    private static final SemanticModel MODEL = new SemanticModelLoader().load(Path.of("examples/library/semantic-model/library.yaml"));
    private static final SemanticPlanner PLANNER = new SemanticPlanner(MODEL, new InMemoryValueIndex(List.of()), () -> LocalDate.of(2025, 6, 30));

    @ParameterizedTest
    @ValueSource(strings = {"loans in the next 3 months", "how many loans will there be", "predicted fines for 2026", "loans going to grow?",
            "please update the fines", "cancel all loans", "send a report of loans to the team", "insert into loans a new row"})
    void refusesTheFutureAndActions(String question)
    {
        assertThat(PLANNER.plan(question, Optional.empty())).isInstanceOf(Proposal.Refuse.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"loans in the last 3 months", "fines by month in 2024", "how many loans were sent back late"})
    void answersThePast(String question)
    {
        assertThat(PLANNER.plan(question, Optional.empty())).isNotInstanceOf(Proposal.Refuse.class);
    }
}
