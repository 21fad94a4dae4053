package dev.aurum.assistant.offline;

import dev.aurum.assistant.proposal.PlanSpec;
import dev.aurum.assistant.proposal.Proposal;
import dev.aurum.assistant.proposal.TimeGrain;
import dev.aurum.semantic.Dimension;
import dev.aurum.semantic.InMemoryValueIndex;
import dev.aurum.semantic.SemanticModel;
import dev.aurum.semantic.SemanticModelLoader;
import dev.aurum.semantic.SemanticTable;
import dev.aurum.semantic.ValueIndexEntry;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A metric declared {@code non_additive} over a dimension is never added up across it (docs/architecture.md, "The
 * semantic model"): the binder finds the plans that would, and the planner asks back with the plan by that dimension
 * or for one of its values instead of writing SQL. Over a small stock model in the test resources.
 */
class NonAdditiveMetricTest
{
    private static final SemanticModel MODEL = new SemanticModelLoader().load(Path.of("src/test/resources/dev/aurum/assistant/offline/stock-model.yaml"));
    private static final SemanticPlanner PLANNER = new SemanticPlanner(MODEL, new InMemoryValueIndex(sampleValues()), () -> LocalDate.of(2025, 6, 30));
    private static final Binder BINDER = new Binder(MODEL);

    @Test
    void theBinderFindsAStockLevelAddedUpAcrossStockTakes()
    {
        Binder.Bound byWarehouse = (Binder.Bound) BINDER.bind(spec("units_in_stock", List.of("warehouse"), List.of(), null, null));

        assertThat(byWarehouse.additive()).isFalse();
        assertThat(byWarehouse.summedAcross()).containsExactly(new Binder.SummedAcross("units_in_stock", "stocktake"));
    }

    @Test
    void theBinderAcceptsAStockLevelGroupedByOrFixedToOneStockTake()
    {
        Binder.Bound grouped = (Binder.Bound) BINDER.bind(spec("units_in_stock", List.of("warehouse", "stocktake"), List.of(), null, null));
        Binder.Bound fixed = (Binder.Bound) BINDER.bind(spec("units_in_stock", List.of("warehouse"),
                List.of(new PlanSpec.ValueFilter("stocktake", List.of("spring"), false)), null, null));
        Binder.Bound twoStockTakes = (Binder.Bound) BINDER.bind(spec("units_in_stock", List.of("warehouse"),
                List.of(new PlanSpec.ValueFilter("stocktake", List.of("spring", "autumn"), false)), null, null));
        Binder.Bound additiveMetric = (Binder.Bound) BINDER.bind(spec("units_received", List.of("warehouse"), List.of(), null, null));

        assertThat(grouped.additive()).isTrue();
        assertThat(fixed.additive()).isTrue();
        assertThat(twoStockTakes.additive()).isFalse();
        assertThat(additiveMetric.additive()).isTrue();
    }

    @Test
    void aSnapshotIsAddedUpAcrossDaysUnlessGroupedByDay()
    {
        Binder.Bound byMonth = (Binder.Bound) BINDER.bind(spec("shelf_snapshot", List.of(), List.of(), TimeGrain.MONTH, "counted_on"));
        Binder.Bound byDay = (Binder.Bound) BINDER.bind(spec("shelf_snapshot", List.of(), List.of(), TimeGrain.DAY, "counted_on"));

        assertThat(byMonth.summedAcross()).containsExactly(new Binder.SummedAcross("shelf_snapshot", "counted_on"));
        assertThat(byDay.additive()).isTrue();
    }

    @Test
    void thePlannerAsksBackInsteadOfAddingAStockLevelAcrossStockTakes()
    {
        Proposal proposal = PLANNER.plan("units in stock by warehouse", Optional.empty());

        assertThat(proposal).isInstanceOf(Proposal.Clarify.class);
        Proposal.Clarify clarify = (Proposal.Clarify) proposal;
        assertThat(clarify.message()).contains("cannot be added up across stocktake");
        assertThat(clarify.choices()).first().isEqualTo("units_in_stock by warehouse and stocktake");
        assertThat(clarify.choices()).containsExactlyInAnyOrder(
                "units_in_stock by warehouse and stocktake",
                "units_in_stock by warehouse, where stocktake in [spring]",
                "units_in_stock by warehouse, where stocktake in [autumn]");
        assertThat(clarify.readings().values()).allSatisfy(reading -> assertThat(reading.sql()).contains("SUM(units)"));
        assertThat(clarify.readings().get("units_in_stock by warehouse and stocktake").sql()).contains("GROUP BY warehouse, stocktake");
    }

    @Test
    void thePlannerAnswersAStockLevelForOneStockTakeOrPerStockTake()
    {
        Proposal forSpring = PLANNER.plan("units in stock by warehouse for spring", Optional.empty());
        Proposal perStockTake = PLANNER.plan("units in stock by stocktake", Optional.empty());
        Proposal deliveries = PLANNER.plan("units received by warehouse", Optional.empty());

        assertThat(forSpring).isInstanceOfSatisfying(Proposal.Planned.class, planned -> assertThat(planned.sql()).contains("stocktake").contains("'spring'"));
        assertThat(perStockTake).isInstanceOfSatisfying(Proposal.Planned.class, planned -> assertThat(planned.sql()).contains("GROUP BY stocktake"));
        assertThat(deliveries).isInstanceOf(Proposal.Planned.class);
    }

    private static PlanSpec spec(String metric, List<String> dimensions, List<PlanSpec.ValueFilter> values, TimeGrain grain, String timeDimension)
    {
        return new PlanSpec(List.of(PlanSpec.Measure.of(metric)), dimensions, grain, timeDimension, List.of(), values, List.of(), null, false, false, false,
                null, false, false);
    }

    private static List<ValueIndexEntry> sampleValues()
    {
        List<ValueIndexEntry> entries = new ArrayList<>();
        for (SemanticTable table : MODEL.tables()) {
            for (Dimension dimension : table.dimensions()) {
                if (dimension.isEnum()) {
                    entries.add(new ValueIndexEntry(table.name(), dimension.name(), dimension.sampleValues(), dimension.valueSynonyms()));
                }
            }
        }
        return entries;
    }
}
