package dev.aurum.assistant.offline;

import dev.aurum.assistant.proposal.PlanSpec;
import dev.aurum.assistant.proposal.Understood;
import dev.aurum.semantic.InMemoryValueIndex;
import dev.aurum.semantic.SemanticModel;
import dev.aurum.semantic.SemanticModelLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The reading rules of the offline planner (docs/architecture.md, "The planner's rules"), over the library's model. */
class ReadingRulesTest
{
    private static PlanContext context;

    @BeforeAll
    static void setUp()
    {
        SemanticModel model = new SemanticModelLoader().load(Path.of("examples/library/semantic-model/library.yaml"));
        context = new PlanContext(model, new Lexicon(model), new InMemoryValueIndex(List.of()), new TimeExpressions(), LocalDate.of(2025, 6, 30), Set.of());
    }

    @Test
    void theRulesRunInTheOrderTheArchitectureNotesList()
    {
        assertThat(ReadingRules.IN_ORDER).extracting(PlannerRule::name).containsExactly(
                "ReadTime", "ReadUnits", "FindModelPhrases", "ReadIntents", "FindModelPhrasesWithTypos", "FindValues",
                "QualifyValues", "CombineRatios", "ReadDuration", "FindCountedHead", "ClassifyPhrases");
    }

    @Test
    void aRuleReturnsANewReadingAndLeavesItsInputAsItWas()
    {
        Reading first = Reading.of("top 5 genres by loans", TimeExpressions.normalize("top 5 genres by loans"));

        Reading read = new ReadingRules.ReadIntents().apply(first, context);

        assertThat(read.intents().limit()).isEqualTo(5);
        assertThat(read.taken()).containsExactlyInAnyOrder(0, 1);
        assertThat(first.intents()).isEqualTo(Reading.Intents.NONE);
        assertThat(first.taken()).isEmpty();
        assertThat(first.understood()).isEmpty();
    }

    @Test
    void readingAQuestionFindsItsTimeItsPhrasesAndItsRanking()
    {
        String question = "top 3 genres by loans in 2024";
        Reading read = ReadingRules.read(Reading.of(question, TimeExpressions.normalize(question)), context);

        assertThat(read.time().ranges()).singleElement().satisfies(range -> assertThat(range.start()).isEqualTo(LocalDate.of(2024, 1, 1)));
        assertThat(read.hits()).extracting(hit -> String.join(" ", read.words().subList(hit.start(), hit.end()))).containsExactly("genres", "loans");
        assertThat(read.intents().limit()).isEqualTo(3);
        assertThat(read.taken()).hasSize(read.words().size() - 1);  // all but "by", which the resolution reads as a grouping word
    }

    @Test
    void theCountedHeadIsThePhraseAfterHowMany()
    {
        String question = "how many different genres did members borrow";
        Reading read = ReadingRules.read(Reading.of(question, TimeExpressions.normalize(question)), context);

        Lexicon.Hit head = read.roles().countedHead();
        assertThat(head).isNotNull();
        assertThat(read.words().subList(head.start(), head.end())).containsExactly("genres");
        assertThat(ReadingRules.names(head, Lexicon.Kind.DIMENSION)).contains("genre");
    }

    @Test
    void theResolvingRulesRunInTheOrderTheArchitectureNotesList()
    {
        assertThat(ResolvingRules.IN_ORDER).extracting(PlannerRule::name).containsExactly(
                "DropReplacedMetrics", "TrendByMonth", "ChooseDurationMetric", "ShareOfChangeIsChange", "ShareOfFilterAsRate", "ExplainValues",
                "CountFilteredRows", "ReadFollowUp", "MetricInsideFilterPhrase", "ComparePeriods", "CompareValues", "SuperlativeLimit");
    }

    @Test
    void aSuperlativeWithoutANumberKeepsOneRowForASingleWinnerAndLeavesItsInputAsItWas()
    {
        String question = "which genre has the most loans";
        Reading read = ReadingRules.read(Reading.of(question, TimeExpressions.normalize(question)), context);

        Reading resolved = new ResolvingRules.SuperlativeLimit().apply(read, context);

        assertThat(resolved.intents().limit()).isEqualTo(1);
        assertThat(read.intents().limit()).isNull();
        assertThat(read.intents().superlative()).isTrue();
    }

    @Test
    void aFollowUpIsReadOnlyWhenThereIsAPreviousAnswer()
    {
        String question = "now by genre";
        Reading read = ReadingRules.read(Reading.of(question, TimeExpressions.normalize(question)), context);
        PlanSpec previous = new PlanSpec(List.of(PlanSpec.Measure.of("loans")), List.of(), null, null, List.of(), List.of(), List.of(), null, false, false,
                false, null, false, false);
        PlanContext afterAnAnswer = new PlanContext(context.model(), context.lexicon(), context.values(), context.time(), context.anchor(),
                context.metricUnits(), Optional.of(previous));

        assertThat(new ResolvingRules.ReadFollowUp().apply(read, afterAnAnswer).intents().followUp()).isTrue();
        assertThat(new ResolvingRules.ReadFollowUp().apply(read, context).intents().followUp()).isFalse();
    }

    @Test
    void theWordsOfTheChosenMetricAreExplainedAsPartOfIt()
    {
        String question = "average loan days by genre";
        Reading read = ReadingRules.read(Reading.of(question, TimeExpressions.normalize(question)), context);
        Reading unexplained = read.withTaken(Set.of());

        Reading absorbed = ResolvingRules.absorbWordsOf(unexplained, context.model(), context.lexicon(), "avg_loan_days");

        assertThat(absorbed.taken()).contains(read.words().indexOf("average"), read.words().indexOf("loan")).doesNotContain(read.words().indexOf("by"));
        assertThat(absorbed.understood()).extracting(Understood::as).contains("part of metric avg_loan_days");
        assertThat(unexplained.taken()).isEmpty();
    }
}
