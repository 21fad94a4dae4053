package dev.aurum.assistant.offline;

import dev.aurum.assistant.proposal.PlanSpec;
import dev.aurum.semantic.SemanticModel;
import dev.aurum.semantic.SemanticModelLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The binder answers "which table, which joins, is it possible" from the semantic model alone, without writing SQL
 * (docs/architecture.md, "The planner's rules"); here over the library's model (examples/library).
 */
class BinderTest
{
    private static Binder binder;
    private static SqlWriter writer;

    @BeforeAll
    static void setUp()
    {
        SemanticModel model = new SemanticModelLoader().load(Path.of("examples/library/semantic-model/library.yaml"));
        binder = new Binder(model);
        writer = new SqlWriter(model);
    }

    @Test
    void bindsAMeasureAndADimensionOfOneTableToThatTable()
    {
        Binder.Binding binding = binder.bind(spec("loans", List.of("genre")));

        assertThat(binding).isInstanceOf(Binder.Bound.class);
        Binder.Bound bound = (Binder.Bound) binding;
        assertThat(bound.table().name()).isEqualTo("loan_facts");
        assertThat(bound.reach("genre")).hasValueSatisfying(reach -> assertThat(reach.via()).isNull());
        assertThat(bound.axis()).isNull();
    }

    @Test
    void bindsADimensionOfAManyToOneNeighbourThroughTheDeclaredRelationship()
    {
        Binder.Bound bound = (Binder.Bound) binder.bind(spec("loans", List.of("joined_year")));

        assertThat(bound.table().name()).isEqualTo("loan_facts");
        assertThat(bound.reach("joined_year")).hasValueSatisfying(reach -> {
            assertThat(reach.via().name()).isEqualTo("loan_facts_to_members");
            assertThat(reach.from().name()).isEqualTo("members");
        });
        assertThat(writer.write(bound).joins()).containsExactly("loan_facts_to_members");
    }

    @Test
    void saysWhyNoTableCanAnswerWithoutWritingSql()
    {
        Binder.Binding binding = binder.bind(spec("books", List.of("joined_year")));

        assertThat(binding).isInstanceOf(Binder.Unbound.class);
        assertThat(((Binder.Unbound) binding).reason()).isEqualTo("no table of the model holds books, joined_year together");
    }

    @Test
    void theSqlIsPrintedFromTheBoundTable()
    {
        Binder.Bound bound = (Binder.Bound) binder.bind(spec("loans", List.of("genre")));

        SqlWriter.Written written = writer.write(bound);

        assertThat(written.table()).isEqualTo("loan_facts");
        assertThat(written.sql()).contains("FROM gold.loan_facts").contains("GROUP BY genre");
    }

    private static PlanSpec spec(String metric, List<String> dimensions)
    {
        return new PlanSpec(List.of(PlanSpec.Measure.of(metric)), dimensions, null, null, List.of(), List.of(), List.of(), null, false, false, false, null,
                false, false);
    }
}
