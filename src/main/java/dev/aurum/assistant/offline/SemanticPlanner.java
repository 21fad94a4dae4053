package dev.aurum.assistant.offline;

import dev.aurum.assistant.proposal.Proposal;
import dev.aurum.assistant.proposal.Proposer;
import dev.aurum.assistant.proposal.QueryPlan;
import dev.aurum.assistant.proposal.Question;
import dev.aurum.semantic.Language;
import dev.aurum.semantic.SemanticModel;
import dev.aurum.semantic.ValueIndex;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * Turns a question into SQL using only the semantic model and the value index: no question-specific code.
 * <p>
 * A thin orchestrator (docs/architecture.md, "The planner's rules"): it refuses what no data answers, then runs the
 * reading rules ({@link ReadingRules}) and the resolving rules ({@link ResolvingRules}) over an immutable
 * {@link Reading}, and hands the result to the {@link Resolution}, which decides between a plan, a question back and
 * a refinement of the previous plan. When a word matches two things equally, when no metric is found, or when no
 * table can answer, the planner asks back with concrete choices instead of guessing.
 */
public final class SemanticPlanner
        implements Proposer
{
    private static final Language.PlannerWords PLANNER = Words.PLANNER;
    /** Questions about the future (en.yaml, planner.forecast). */
    private static final Pattern FORECAST = Pattern.compile("\\b" + Words.anyOf(PLANNER.forecast()) + "\\b");
    /** Requests to change or send something (en.yaml, planner.action_openers at the start, planner.actions anywhere). */
    private static final Pattern ACTION = Pattern.compile("(?:^(?:" + Words.anyOf(PLANNER.polite()) + "\\s+)?" + Words.anyOf(PLANNER.actionOpeners()) + "\\b)"
            + "|\\b" + Words.anyOf(PLANNER.actions()) + "\\b");

    private final SemanticModel model;
    private final ValueIndex values;
    private final Supplier<LocalDate> dataDate;
    private final Lexicon lexicon;
    private final Resolution resolution;
    private final TimeExpressions time;
    /** The units the model declares for its metrics, in singular form ("day", "brl", "percent"). */
    private final Set<String> metricUnits;

    /** @param dataDate the latest purchase date in Gold, the anchor of relative time */
    public SemanticPlanner(SemanticModel model, ValueIndex values, Supplier<LocalDate> dataDate)
    {
        this.model = requireNonNull(model, "model is null");
        this.values = requireNonNull(values, "values is null");
        // periods are labelled with the time dimension they filter by default ("purchase date in 2018")
        this.time = new TimeExpressions(model.dataDateColumn().map(column -> column.name().replace('_', ' ')).orElse("date"));
        this.dataDate = requireNonNull(dataDate, "dataDate is null");
        this.lexicon = new Lexicon(model);
        this.resolution = new Resolution(model, values, lexicon, new Binder(model), new SqlWriter(model));
        this.metricUnits = model.tables().stream().flatMap(table -> table.metrics().stream())
                .map(metric -> Words.canonical(metric.unit().toLowerCase(Locale.ROOT))).filter(unit -> !unit.isBlank()).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /**
     * The planner's proposal: its plan only when the reading accounts for every content word; otherwise it abstains
     * with the partial reading, which the router may offer as a clarification choice.
     */
    @Override
    public Proposal propose(Question question)
    {
        Proposal proposal = plan(question.text(), question.previousPlan());
        if (proposal instanceof Proposal.Planned planned && !planned.coversAllWords()) {
            return new Proposal.Abstain("not every word of the question was understood", Optional.of(planned), List.of(), dev.aurum.assistant.proposal.Usage.NONE);
        }
        return proposal;
    }

    /** @param previous the plan of the previous answer in the conversation, for follow-ups ("now by state") */
    public Proposal plan(String question, Optional<QueryPlan> previous)
    {
        requireNonNull(question, "question is null");
        requireNonNull(previous, "previous is null");
        String text = TimeExpressions.normalize(question);
        if (text.isBlank()) {
            return new Proposal.Clarify("Ask a question about the data, for example: " + exampleQuestion(), Resolution.metricChoices(model), null, List.of());
        }
        Optional<String> refusal = refusal(text, model);
        if (refusal.isPresent()) {
            return new Proposal.Refuse(refusal.get());
        }
        PlanContext context = new PlanContext(model, lexicon, values, time, anchor(), metricUnits, previous.map(QueryPlan::spec));
        Reading read = ReadingRules.read(Reading.of(question, text), context);
        Reading resolved = ResolvingRules.resolve(read, context);
        return resolution.resolve(resolved, context);
    }

    private static Optional<String> refusal(String text, SemanticModel model)
    {
        if (FORECAST.matcher(text).find()) {
            return Optional.of("Aurum answers from the orders recorded so far; it does not forecast or predict the future. "
                    + "Ask about a past period instead, for example revenue by month this year.");
        }
        if (ACTION.matcher(text).find()) {
            return Optional.of("Aurum only reads the data to answer questions; it cannot delete, change or send anything.");
        }
        // what this data never holds, as the model's vocabulary says ("weather")
        for (String subject : model.vocabulary().outOfScope()) {
            if (Pattern.compile("\\b" + Pattern.quote(subject).replace(" ", "\\E\\s+\\Q") + "\\b").matcher(text).find()) {
                String holds = model.description().isBlank()
                        ? String.join(", ", model.tables().stream().map(table -> table.name().replace('_', ' ')).toList()) + "."
                        : model.description().strip();
                return Optional.of("That is outside the data Aurum holds: " + holds);
            }
        }
        return Optional.empty();
    }

    private String exampleQuestion()
    {
        return "what was " + Resolution.firstMetric(model).replace('_', ' ') + " by quarter this year?";
    }

    private LocalDate anchor()
    {
        LocalDate date;
        try {
            date = dataDate.get();
        }
        catch (RuntimeException e) {
            date = null;
        }
        return date != null ? date : LocalDate.now(ZoneOffset.UTC);
    }
}
