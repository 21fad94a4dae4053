package dev.aurum.cli;

import dev.aurum.AurumException;
import dev.aurum.ErrorCode;
import dev.aurum.assistant.Answer;
import dev.aurum.assistant.AnswerLog;
import dev.aurum.assistant.AssistantFixtures;
import dev.aurum.assistant.Conversation;
import dev.aurum.assistant.Engine;
import dev.aurum.assistant.FeedbackLog;
import dev.aurum.assistant.Router;
import dev.aurum.assistant.RouterSettings;
import dev.aurum.assistant.VerifiedQueryMatcher;
import dev.aurum.assistant.proposal.ChartHint;
import dev.aurum.assistant.proposal.Proposal;
import dev.aurum.assistant.proposal.Proposer;
import dev.aurum.assistant.proposal.QueryPlan;
import dev.aurum.assistant.proposal.Understood;
import dev.aurum.semantic.SemanticModel;
import dev.aurum.sql.QueryResult;
import dev.aurum.sql.ResultColumn;
import picocli.CommandLine;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The real router over fakes: a rule-based planner ("forecast" is refused, "value" alone is ambiguous, "broken"
 * makes SQL the fake executor rejects, anything with "by state" is planned) and an executor with canned rows.
 */
final class FakeAssistant
        implements AssistantFactory
{
    static final String BY_STATE_SQL = "SELECT customer_state, SUM(order_value) AS revenue FROM gold.order_facts GROUP BY customer_state";

    final List<String> executed = new ArrayList<>();
    final List<String> planned = new ArrayList<>();
    int cancels;
    int warmUps;
    /** Runs inside every query, e.g. to press Ctrl-C while it runs. */
    Runnable duringQuery = () -> {};
    private final Path state;

    FakeAssistant(Path state)
    {
        this.state = state;
    }

    /** The application's command line with every assistant command wired to this fake. */
    CommandLine commandLine()
    {
        CommandLine.IFactory factory = new CommandLine.IFactory()
        {
            @Override
            public <K> K create(Class<K> type)
                    throws Exception
            {
                if (type == AskCommand.class) {
                    return type.cast(new AskCommand(FakeAssistant.this));
                }
                if (type == BatchCommand.class) {
                    return type.cast(new BatchCommand(FakeAssistant.this));
                }
                if (type == ChatCommand.class) {
                    return type.cast(new ChatCommand(FakeAssistant.this, (context, out) -> out.println("(bootstrap skipped in tests)")));
                }
                return CommandLine.defaultFactory().create(type);
            }
        };
        return Main.commandLine(false, factory);
    }

    private Proposal plan(String question, Optional<QueryPlan> previous)
    {
        planned.add(question);
        String text = question.toLowerCase(java.util.Locale.ROOT);
        QueryPlan byState = new QueryPlan(List.of("revenue"), List.of("customer_state"), List.of(), List.of());
        if (text.contains("forecast")) {
            return new Proposal.Refuse("Aurum answers questions about past orders; it cannot forecast.");
        }
        if (text.equals("value")) {
            return new Proposal.Clarify("Which value do you mean?", List.of("revenue", "payment value"), null, List.of());
        }
        if (text.contains("broken")) {
            return new Proposal.Planned(byState, "DROP TABLE gold.order_facts", List.of(), true, null, Map.of());
        }
        if (text.startsWith("now by") && previous.isEmpty()) {
            return new Proposal.Clarify("\"" + question + "\" refines an earlier answer; ask a whole question first.", List.of("revenue by state"), null,
                    List.of());
        }
        if (text.contains("by state")) {
            return new Proposal.Planned(byState, BY_STATE_SQL, List.of(new Understood("revenue", "metric revenue"),
                    new Understood("by state", "group by customer_state")), true, new ChartHint("bar", "customer_state", "revenue"),
                    Map.of("revenue", "money"));
        }
        return new Proposal.Clarify("I did not find a metric in \"" + question + "\".", List.of("revenue", "orders"), null, List.of());
    }

    private QueryResult run(String sql)
    {
        executed.add(sql);
        duringQuery.run();
        if (!sql.strip().toUpperCase(java.util.Locale.ROOT).startsWith("SELECT")) {
            throw new AurumException(ErrorCode.SQL_REJECTED, "only one SELECT over the allowed tables is accepted");
        }
        if (sql.contains("GROUP BY customer_state")) {
            return AssistantFixtures.result(sql, List.of(new ResultColumn("customer_state", "string"), new ResultColumn("revenue", "decimal(12,2)")),
                    List.of(List.of("SP", new BigDecimal("5000.00")), List.of("RJ", new BigDecimal("1234.50"))));
        }
        return AssistantFixtures.revenue(sql, "1234.50");
    }

    @Override
    public AssistantSession open(AppContext context, RouterSettings settings)
    {
        SemanticModel model = AssistantFixtures.model();
        AssistantFixtures.FakeRunner runner = new AssistantFixtures.FakeRunner(this::run);
        Proposer planner = question -> plan(question.text(), question.previousPlan());
        VerifiedQueryMatcher matcher = new VerifiedQueryMatcher(model, new AssistantFixtures.FakeValueIndex(), new AssistantFixtures.WordEmbedder(),
                VerifiedQueryMatcher.DEFAULT_THRESHOLD);
        Router router = new Router(model, planner, Optional.of(matcher), runner, settings, AnswerLog.NONE);
        FeedbackLog feedback = new FeedbackLog(state, Clock.systemUTC());
        return new AssistantSession()
        {
            @Override
            public void warmUp()
            {
                warmUps++;
            }

            @Override
            public Conversation newConversation(Engine engine)
            {
                return router.newConversation(engine);
            }

            @Override
            public Answer runSql(String id, String sql, Engine engine)
            {
                return router.runSql(id, sql, engine);
            }

            @Override
            public void cancel()
            {
                cancels++;
            }

            @Override
            public int cancel(String scope)
            {
                cancels++;
                return 0;
            }

            @Override
            public SemanticModel model()
            {
                return model;
            }

            @Override
            public List<String> values(String dimension)
            {
                return new AssistantFixtures.FakeValueIndex().values(dimension);
            }

            @Override
            public List<String> tables()
            {
                return List.of("gold.order_facts");
            }

            @Override
            public List<ResultColumn> describe(String table)
            {
                if (!table.equals("gold.order_facts")) {
                    throw new AurumException(ErrorCode.UNKNOWN_COLUMN, "There is no table " + table + "; /tables lists them.");
                }
                return List.of(new ResultColumn("order_id", "string"), new ResultColumn("order_value", "decimal(12,2)"));
            }

            @Override
            public FeedbackLog feedback()
            {
                return feedback;
            }

            @Override
            public void close() {}
        };
    }
}
