package dev.aurum.pipeline;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** How pending Bronze batches are grouped into Silver units: one unit, unless a crashed run already counted some. */
class SilverUnitsTest
{
    @Test
    void allPendingBatchesFormOneUnit()
    {
        assertThat(SilverMerge.units(List.of(11L, 12L, 13L), 10)).containsExactly(List.of(11L, 12L, 13L));
        assertThat(SilverMerge.units(List.of(11L, 12L), Long.MIN_VALUE)).containsExactly(List.of(11L, 12L));
    }

    @Test
    void batchesCountedByACrashedRunAreRedoneBeforeTheNewOnes()
    {
        // a run counted 11-12 and died before its MERGE; 13 arrived since: counters of 11-12 must not be written twice
        assertThat(SilverMerge.units(List.of(11L, 12L, 13L), 12)).containsExactly(List.of(11L, 12L), List.of(13L));
        assertThat(SilverMerge.units(List.of(11L, 12L), 12)).containsExactly(List.of(11L, 12L));
    }

    @Test
    void nothingPendingMeansNoUnit()
    {
        assertThat(SilverMerge.units(List.of(), 3)).isEmpty();
    }
}
