package dev.aurum.stats;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.aurum.stats.StatsAssertions.assertAgrees;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every statistic of the one-way report against scipy 1.17.1 on three fixed data sets (balanced, unbalanced with
 * unequal variances, integer values with many ties): {@code f_oneway}, {@code levene(center='median')},
 * {@code f_oneway(equal_var=False)} (Welch), {@code kruskal}, {@code tukey_hsd}, and Games–Howell written out from
 * {@code studentized_range}. The figures are copied from the output of
 * {@code python3 src/test/resources/dev/aurum/stats/reference.py}; agreement to 6 significant digits, p-values included.
 */
class OneWayAnovaReferenceTest
{
    record Expected(double f, double p, double eta, double omega, double levene, double leveneP, double welchF, double welchP, double kruskalH,
            double kruskalP, double epsilon) {}

    record ExpectedGroup(String group, double mean, double sd, double ciLow, double ciHigh, double median) {}

    record ExpectedPair(String a, String b, double difference, double ciLow, double ciHigh, double p) {}

    @Test
    void balanced()
    {
        // balanced: python3 src/test/resources/dev/aurum/stats/reference.py (scipy 1.17.1)
        Expected expected = new Expected(9.908916289732947, 0.0018078876913413487, 0.5691862793077365, 0.4974570289794897, 0.14203454894433748, 0.8687443632113406,
                8.963160928394041, 0.005899009976522294, 9.169590643274859, 0.010205838488296069, 0.5393876848985211);
        List<ExpectedGroup> groups = List.of(
                new ExpectedGroup("a", 13.316666666666668, 1.3526517166908365, 11.897145746804819, 14.736187586528517, 13.25),
                new ExpectedGroup("b", 16.45, 1.3809417076763237, 15.000790555345644, 17.899209444654357, 16.299999999999997),
                new ExpectedGroup("c", 13.65, 1.2817956155331474, 12.304837997997105, 14.995162002002896, 13.2));
        List<ExpectedPair> tukey = List.of(
                new ExpectedPair("a", "b", -3.133333333333331, -5.141533557480093, -1.1251331091865686, 0.0028134559080950083),
                new ExpectedPair("a", "c", -0.33333333333333215, -2.3415335574800946, 1.6748668908134303, 0.9032592399122572),
                new ExpectedPair("b", "c", 2.799999999999999, 0.7917997758532365, 4.808200224146761, 0.006671856313910762));
        List<ExpectedPair> gamesHowell = List.of(
                new ExpectedPair("a", "b", -3.133333333333331, -5.296813323395043, -0.9698533432716188, 0.006780679773314979),
                new ExpectedPair("a", "c", -0.33333333333333215, -2.419830148282661, 1.7531634816159967, 0.9006086212312473),
                new ExpectedPair("b", "c", 2.799999999999999, 0.6894837857859271, 4.910516214214071, 0.011589524036706433));
        check(Map.of("a", List.of(12.1, 14.3, 11.8, 13.9, 12.6, 15.2), "b", List.of(16.4, 15.1, 17.8, 14.9, 16.2, 18.3), "c", List.of(13.3, 12.2, 14.8, 13.1, 15.6, 12.9)), expected, groups, tukey, gamesHowell);
    }

    @Test
    void unbalanced()
    {
        // unbalanced: python3 src/test/resources/dev/aurum/stats/reference.py (scipy 1.17.1)
        Expected expected = new Expected(1.665098717509141, 0.2035147767227699, 0.18504320620537978, 0.07127255027617532, 6.3920382249129775, 0.0027965755829073824,
                3.4221267835716715, 0.0570430826241499, 4.197150997151013, 0.24094727922678413, 0.16788603988604053);
        List<ExpectedGroup> groups = List.of(
                new ExpectedGroup("a", 22.46, 2.4785076154815417, 19.382526324582713, 25.53747367541729, 22.8),
                new ExpectedGroup("b", 32.337500000000006, 9.140949856864674, 24.695474676093024, 39.979525323906984, 32.85),
                new ExpectedGroup("c", 25.46666666666667, 0.6027713773341723, 23.969299556667163, 26.964033776666174, 25.4),
                new ExpectedGroup("d", 25.04, 10.773960377791548, 17.332773039092505, 32.7472269609075, 25.299999999999997));
        List<ExpectedPair> tukey = List.of(
                new ExpectedPair("a", "b", -9.877500000000005, -23.60737572600623, 3.852375726006219, 0.21914712186867935),
                new ExpectedPair("a", "c", -3.0066666666666677, -20.59498388249592, 14.581650549162585, 0.9638735262552998),
                new ExpectedPair("a", "d", -2.5799999999999983, -15.77123791187194, 10.611237911871944, 0.9474231517065291),
                new ExpectedPair("b", "c", 6.870833333333337, -9.433973107490605, 23.17563977415728, 0.651313142301843),
                new ExpectedPair("b", "d", 7.2975000000000065, -4.126447139045489, 18.7214471390455, 0.3119735327808738),
                new ExpectedPair("c", "d", 0.4266666666666694, -15.427228226032934, 16.280561559366273, 0.999845420279834));
        List<ExpectedPair> gamesHowell = List.of(
                new ExpectedPair("a", "b", -9.877500000000005, -20.6617058291368, 0.90670582913679, 0.07371500468137615),
                new ExpectedPair("a", "c", -3.0066666666666677, -7.387535630670157, 1.3742022973368213, 0.16399793216156766),
                new ExpectedPair("a", "d", -2.5799999999999983, -13.406200995474183, 8.246200995474187, 0.8870140927730951),
                new ExpectedPair("b", "c", 6.870833333333337, -3.8250575766099946, 17.566724243276667, 0.23545158777488684),
                new ExpectedPair("b", "d", 7.2975000000000065, -6.145712621159927, 20.74071262115994, 0.4308177009229105),
                new ExpectedPair("c", "d", 0.4266666666666694, -10.221331708931846, 11.074665042265185, 0.9992562584687577));
        check(Map.of("a", List.of(23.5, 19.1, 25.7, 21.2, 22.8), "b", List.of(30.2, 41.7, 18.4, 35.5, 27.9, 44.1, 22.6, 38.3),
                "c", List.of(24.9, 26.1, 25.4), "d", List.of(15.2, 33.8, 28.4, 9.7, 41.3, 22.2, 30.6, 12.8, 36.9, 19.5)), expected, groups, tukey, gamesHowell);
    }

    @Test
    void ties()
    {
        // ties: python3 src/test/resources/dev/aurum/stats/reference.py (scipy 1.17.1)
        Expected expected = new Expected(5.339021249195107, 0.013345659959645678, 0.33708025042686396, 0.26556188299276834, 0.13215741889735855, 0.8769260270085715,
                5.830450807235646, 0.014492430943315168, 7.796405614587423, 0.02027832277069948, 0.3389741571559749);
        List<ExpectedGroup> groups = List.of(
                new ExpectedGroup("x", 2.875, 1.246423454758225, 1.8329639146121404, 3.91703608538786, 3.0),
                new ExpectedGroup("y", 4.0, 1.224744871391589, 3.0585777540003005, 4.9414222459997, 4.0),
                new ExpectedGroup("z", 2.142857142857143, 0.8997354108424372, 1.3107406735283258, 2.97497361218596, 2.0));
        List<ExpectedPair> tukey = List.of(
                new ExpectedPair("x", "y", -1.125, -2.5324698674018116, 0.28246986740181157, 0.13331374364396342),
                new ExpectedPair("x", "z", 0.7321428571428572, -0.7669637191749317, 2.231249433460646, 0.4486822672375783),
                new ExpectedPair("y", "z", 1.8571428571428572, 0.39741932300313665, 3.316866391282578, 0.01131122296603071));
        List<ExpectedPair> gamesHowell = List.of(
                new ExpectedPair("x", "y", -1.125, -2.688754575842537, 0.4387545758425371, 0.18144280807501278),
                new ExpectedPair("x", "z", 0.7321428571428572, -0.7433352605263206, 2.207620974812035, 0.4126308998204551),
                new ExpectedPair("y", "z", 1.8571428571428572, 0.46626734021638794, 3.2480183740693267, 0.009373976468432299));
        check(Map.of("x", List.of(1.0, 2.0, 2.0, 3.0, 3.0, 3.0, 4.0, 5.0), "y", List.of(2.0, 3.0, 3.0, 4.0, 4.0, 4.0, 5.0, 5.0, 6.0),
                "z", List.of(1.0, 1.0, 2.0, 2.0, 3.0, 3.0, 3.0)), expected, groups, tukey, gamesHowell);
    }

    private static void check(Map<String, List<Double>> data, Expected expected, List<ExpectedGroup> groups, List<ExpectedPair> tukey,
            List<ExpectedPair> gamesHowell)
    {
        List<GroupSummaries.Observation> observations = new ArrayList<>();
        data.forEach((group, values) -> values.forEach(value -> observations.add(new GroupSummaries.Observation(group, value))));
        GroupSummaries summaries = GroupSummaries.of(observations);
        OneWayAnova anova = new OneWayAnova(0.05);
        AnovaReport report = anova.analyse(summaries, "value", "group", false);

        assertAgrees("F", report.fStatistic(), expected.f());
        assertAgrees("p", report.pValue(), expected.p());
        assertAgrees("eta²", report.etaSquared(), expected.eta());
        assertAgrees("omega²", report.omegaSquared(), expected.omega());
        assertAgrees("Levene W", report.leveneStatistic(), expected.levene());
        assertAgrees("Levene p", report.leveneP(), expected.leveneP());
        assertAgrees("Welch F", report.welchF(), expected.welchF());
        assertAgrees("Welch p", report.welchP(), expected.welchP());
        assertAgrees("Kruskal H", report.kruskalH(), expected.kruskalH());
        assertAgrees("Kruskal p", report.kruskalP(), expected.kruskalP());
        assertAgrees("epsilon²", report.epsilonSquared(), expected.epsilon());
        assertThat(report.dfBetween()).isEqualTo(data.size() - 1);
        assertThat(report.dfWithin()).isEqualTo(observations.size() - data.size());

        assertThat(report.groups()).extracting(AnovaReport.GroupResult::group).containsExactlyElementsOf(groups.stream().map(ExpectedGroup::group).toList());
        for (int i = 0; i < groups.size(); i++) {
            AnovaReport.GroupResult actual = report.groups().get(i);
            ExpectedGroup group = groups.get(i);
            assertAgrees(group.group() + " mean", actual.mean(), group.mean());
            assertAgrees(group.group() + " sd", actual.standardDeviation(), group.sd());
            assertAgrees(group.group() + " ci low", actual.ciLow(), group.ciLow());
            assertAgrees(group.group() + " ci high", actual.ciHigh(), group.ciHigh());
            assertAgrees(group.group() + " median", actual.median(), group.median());
        }
        checkPairs(anova.tukey(summaries.groups(), report.fStatistic() > 0 ? meanSquareWithin(summaries) : 0, report.dfWithin()), tukey);
        checkPairs(anova.gamesHowell(summaries.groups()), gamesHowell);
        // the report carries the method its Levene test calls for
        assertThat(report.pairwiseMethod()).isEqualTo(report.leveneP() < 0.05 ? "games_howell" : "tukey_hsd");
        checkPairs(report.pairwise(), report.leveneP() < 0.05 ? gamesHowell : tukey);
    }

    private static double meanSquareWithin(GroupSummaries summaries)
    {
        double within = summaries.groups().stream().mapToDouble(GroupSummary::squaredDeviationSum).sum();
        return within / (summaries.totalCount() - summaries.groups().size());
    }

    private static void checkPairs(List<AnovaReport.PairwiseComparison> actual, List<ExpectedPair> expected)
    {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            AnovaReport.PairwiseComparison pair = actual.get(i);
            ExpectedPair want = expected.get(i);
            String name = pair.method() + " " + want.a() + "-" + want.b();
            assertThat(pair.groupA()).isEqualTo(want.a());
            assertThat(pair.groupB()).isEqualTo(want.b());
            assertAgrees(name + " difference", pair.meanDifference(), want.difference());
            assertAgrees(name + " ci low", pair.ciLow(), want.ciLow());
            assertAgrees(name + " ci high", pair.ciHigh(), want.ciHigh());
            assertAgrees(name + " p", pair.pAdjusted(), want.p());
        }
    }
}
