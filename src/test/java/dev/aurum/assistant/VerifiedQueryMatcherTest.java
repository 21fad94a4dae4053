package dev.aurum.assistant;

import dev.aurum.assistant.proposal.Understood;
import dev.aurum.semantic.VerifiedQuery;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class VerifiedQueryMatcherTest
{
    private final AssistantFixtures.WordEmbedder embedder = new AssistantFixtures.WordEmbedder();
    private final VerifiedQueryMatcher matcher = new VerifiedQueryMatcher(AssistantFixtures.model(), new AssistantFixtures.FakeValueIndex(),
            embedder, VerifiedQueryMatcher.DEFAULT_THRESHOLD);

    @Test
    void fillsDimensionAndYearParameters()
    {
        TrustedMatch match = matcher.match("revenue in RJ for 2018").orElseThrow();

        assertThat(match.query().name()).isEqualTo("revenue_by_state_and_year");
        assertThat(match.parameters()).containsExactly(Map.entry("state", "RJ"), Map.entry("year", "2018"));
        assertThat(match.sql()).isEqualTo("SELECT SUM(order_value) AS revenue FROM gold.order_facts WHERE is_revenue AND customer_state = 'RJ' AND year = 2018");
        assertThat(match.understood()).extracting(Understood::text, Understood::as)
                .contains(org.assertj.core.groups.Tuple.tuple("rj", "customer_state = RJ"), org.assertj.core.groups.Tuple.tuple("2018", "year = 2018"));
    }

    @Test
    void acceptsFillerWordsSynonymsAndAnotherOrder()
    {
        assertThat(matcher.match("What was the total sales for 2017 in SP?").map(TrustedMatch::sql))
                .hasValueSatisfying(sql -> assertThat(sql).contains("customer_state = 'SP'", "year = 2017"));
        assertThat(matcher.match("Orders by payment type").map(match -> match.query().name())).hasValue("orders_by_payment_type");
    }

    @Test
    void fallsThroughWhenAWordIsNotInTheVerifiedQuestion()
    {
        assertThat(matcher.match("average revenue in RJ for 2018")).isEmpty();
        assertThat(matcher.match("revenue in RJ for 2018 by month")).isEmpty();
        assertThat(matcher.match("late orders by payment type")).isEmpty();
    }

    @Test
    void fallsThroughWhenAParameterCannotBeFilled()
    {
        assertThat(matcher.match("revenue in RJ")).isEmpty();
        assertThat(matcher.match("revenue for 2018")).isEmpty();
        assertThat(matcher.match("revenue in Narnia for 2018")).isEmpty();
        // two years for one year parameter: not a guess
        assertThat(matcher.match("revenue in RJ for 2017 and 2018")).isEmpty();
    }

    @Test
    void aLowerCaseFillerWordIsNotAStateCode()
    {
        // "to" is also the state TO; written in lower case it is a preposition
        assertThat(matcher.match("revenue in to for 2018")).isEmpty();
        assertThat(matcher.match("revenue in TO for 2018").map(TrustedMatch::parameters)).hasValue(Map.of("state", "TO", "year", "2018"));
    }

    @Test
    void escapesQuotesInFilledValues()
    {
        VerifiedQuery query = new VerifiedQuery("by_city", "revenue in {city}", "SELECT 1 FROM gold.order_facts WHERE customer_city = '{city}'",
                Map.of("city", "order_facts.customer_city"), null, null);
        VerifiedQueryMatcher cities = new VerifiedQueryMatcher(new dev.aurum.semantic.SemanticModel("m", "", List.of(), List.of(), List.of(query), List.of()),
                new dev.aurum.semantic.ValueIndex()
                {
                    @Override
                    public List<dev.aurum.semantic.ValueMatch> match(String phrase)
                    {
                        return phrase.equals("star d oeste")
                                ? List.of(new dev.aurum.semantic.ValueMatch("order_facts", "customer_city", "star d'oeste", phrase, 1.0))
                                : List.of();
                    }

                    @Override
                    public List<String> values(String dimension)
                    {
                        return List.of("star d'oeste");
                    }
                },
                embedder, VerifiedQueryMatcher.DEFAULT_THRESHOLD);
        assertThat(cities.match("revenue in star d'oeste").map(TrustedMatch::sql)).hasValue("SELECT 1 FROM gold.order_facts WHERE customer_city = 'star d\\'oeste'");
    }

    @Test
    void embedsVerifiedQuestionsOnceAndCachesQuestions()
    {
        matcher.warmUp();
        int afterWarmUp = embedder.calls;
        assertThat(afterWarmUp).isEqualTo(2);
        matcher.warmUp();
        assertThat(embedder.calls).isEqualTo(afterWarmUp);

        Optional<TrustedMatch> first = matcher.match("revenue in RJ for 2018");
        int afterFirst = embedder.calls;
        Optional<TrustedMatch> second = matcher.match("revenue in SP for 2017");
        assertThat(first).isPresent();
        assertThat(second).isPresent();
        // both questions mask to "revenue in customer state for year": embedded once
        assertThat(embedder.calls).isEqualTo(afterFirst);
    }

    @Test
    void matchesWithTheLocalMiniLmModel()
    {
        VerifiedQueryMatcher local = new VerifiedQueryMatcher(AssistantFixtures.model(), new AssistantFixtures.FakeValueIndex(),
                new MiniLmEmbedder().warmUp(), VerifiedQueryMatcher.DEFAULT_THRESHOLD);

        TrustedMatch match = local.match("What was the revenue in RJ for 2018?").orElseThrow();
        assertThat(match.sql()).contains("customer_state = 'RJ'", "year = 2018");
        assertThat(match.similarity()).isGreaterThanOrEqualTo(VerifiedQueryMatcher.DEFAULT_THRESHOLD);
        assertThat(local.match("average revenue in RJ for 2018")).isEmpty();
    }

    @Test
    void fillsTheVerifiedQueriesOfTheProjectModel()
    {
        dev.aurum.semantic.SemanticModel model = new dev.aurum.semantic.SemanticModelLoader().load(java.nio.file.Path.of(dev.aurum.semantic.SemanticModelLoader.DEFAULT_MODEL));
        VerifiedQueryMatcher project = new VerifiedQueryMatcher(model, new AssistantFixtures.FakeValueIndex(), embedder, VerifiedQueryMatcher.DEFAULT_THRESHOLD);

        TrustedMatch match = project.match("revenue in RJ for 2018").orElseThrow();
        assertThat(match.query().name()).isEqualTo("revenue_in_state_for_year");
        assertThat(match.sql()).contains("customer_state = 'RJ' AND year = 2018");
        assertThat(project.match("what was revenue by quarter in 2017?").map(found -> found.query().name())).hasValue("revenue_by_quarter_for_year");
        assertThat(project.match("revenue by quarter in 2017 for boleto")).isEmpty();
    }
}
