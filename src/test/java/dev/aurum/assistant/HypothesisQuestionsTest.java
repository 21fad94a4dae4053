package dev.aurum.assistant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The cue words come from language/en.yaml; these are the shapes they combine into. */
class HypothesisQuestionsTest
{
    @Test
    void recognisesEachShapeOfATestQuestion()
    {
        assertThat(HypothesisQuestions.isHypothesisTest("Is the order value significantly different across seasons?")).isTrue();
        assertThat(HypothesisQuestions.isHypothesisTest("Does delivery time differ by state?")).isTrue();
        assertThat(HypothesisQuestions.isHypothesisTest("Is there a statistically significant difference in review scores?")).isTrue();
        assertThat(HypothesisQuestions.isHypothesisTest("Is payment type related to state?")).isTrue();
        assertThat(HypothesisQuestions.isHypothesisTest("Does the review score depend on delivery delay?")).isTrue();
        assertThat(HypothesisQuestions.isHypothesisTest("run an ANOVA of order value by season")).isTrue();
        assertThat(HypothesisQuestions.isHypothesisTest("what is the p value for freight by region")).isTrue();
    }

    @Test
    void leavesOrdinaryQuestionsAlone()
    {
        assertThat(HypothesisQuestions.isHypothesisTest("revenue by state")).isFalse();
        assertThat(HypothesisQuestions.isHypothesisTest("how did revenue change in 2018")).isFalse();
        assertThat(HypothesisQuestions.isHypothesisTest("is revenue up this year")).isFalse();
        assertThat(HypothesisQuestions.isHypothesisTest("does anyone buy toys")).isFalse();
    }
}
