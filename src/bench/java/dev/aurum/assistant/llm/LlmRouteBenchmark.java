package dev.aurum.assistant.llm;

import dev.aurum.assistant.proposal.Proposal;
import dev.aurum.assistant.proposal.Question;
import dev.aurum.lakehouse.ProjectFiles;
import dev.aurum.lakehouse.SparkSessions;
import dev.aurum.semantic.SemanticModel;
import dev.aurum.semantic.SemanticModelLoader;
import dev.aurum.semantic.ValueIndexBuilder;
import dev.aurum.sql.SqlGuard;
import dev.aurum.testing.GoldFixture;
import dev.aurum.testing.TestSpark;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The LLM route's numbers for the README (a benchmark, not a test: it prints). {@code prompts}: estimated prompt tokens
 * (characters / 4) of ten typical questions with the shop's model and with the generated 300-table model, and retrieval
 * recall on the 300-table question list. {@code overhead} (starts Spark on the fixture Gold): Aurum's own time per LLM
 * answer outside the model and Spark's execution — prompt building, retrieval, reply parsing, guard and analyzer, join
 * check — with an in-process model that answers at once, p50 and p95 over ITERATIONS questions after a warm-up.
 *
 * <pre>
 * mvn -B -q -o -Pbench test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt
 * java $(sed -n 's:.*&lt;spark.opens&gt;\(.*\)&lt;/spark.opens&gt;.*:\1:p' pom.xml) \
 *   -cp target/classes:target/test-classes:$(cat target/test-classpath.txt) dev.aurum.assistant.llm.LlmRouteBenchmark prompts|overhead [ITERATIONS]
 * </pre>
 */
public final class LlmRouteBenchmark
{
    static final List<String> SHOP_QUESTIONS = List.of(
            "What was revenue in SP in 2017?",
            "top 5 product categories by revenue last quarter",
            "how did sales this year compare with last year?",
            "average delivery time in days per state",
            "share of orders paid by boleto per month in 2018",
            "how many repeat customers do we have?",
            "revenue of health beauty vs sports leisure in 2018",
            "which sellers had the most late deliveries?",
            "monthly revenue trend for rio de janeiro",
            "average order value of customers in sao paulo city");

    /** Each question with the SQL an ideal model writes, for the overhead run. */
    private static final List<String[]> SHOP_ANSWERS = List.of(
            new String[] {"What was revenue in SP in 2017?", "SELECT ROUND(COALESCE(SUM(CASE WHEN is_revenue THEN order_value END), 0), 2) AS revenue FROM gold.order_facts WHERE customer_state = 'SP' AND year = 2017"},
            new String[] {"top 5 categories by revenue", "SELECT product_category, ROUND(SUM(CASE WHEN is_revenue THEN item_value END), 2) AS revenue FROM gold.order_items GROUP BY product_category ORDER BY revenue DESC LIMIT 5"},
            new String[] {"revenue by state of customers", "SELECT c.customer_state, ROUND(SUM(CASE WHEN f.is_revenue THEN f.order_value END), 2) AS revenue FROM gold.order_facts f JOIN gold.customers c ON f.customer_id = c.customer_id GROUP BY c.customer_state"},
            new String[] {"monthly revenue", "WITH m AS (SELECT year, month, SUM(CASE WHEN is_revenue THEN order_value END) AS revenue FROM gold.order_facts GROUP BY year, month) SELECT * FROM m ORDER BY year, month"},
            new String[] {"the 3 states with the most orders", "SELECT customer_state, COUNT(*) AS orders FROM gold.order_facts GROUP BY customer_state ORDER BY orders DESC LIMIT 3"});

    private LlmRouteBenchmark() {}

    public static void main(String[] args)
    {
        String mode = args.length > 0 ? args[0] : "prompts";
        if (mode.equals("prompts")) {
            prompts();
        }
        else {
            overhead(args.length > 1 ? Integer.parseInt(args[1]) : 500);
        }
        System.exit(0);
    }

    private static void prompts()
    {
        PromptTemplates templates = new PromptTemplates(ProjectFiles.fromEnvironment()::read);
        int budget = LlmSettings.builder().build().promptTokenBudget();
        SemanticModel shop = new SemanticModelLoader().load(Path.of(SemanticModelLoader.DEFAULT_MODEL));
        PromptBuilder shopPrompts = new PromptBuilder(shop, templates, ValueIndexBuilder.fromSampleValues(shop), Optional.empty(), () -> LocalDate.of(2018, 8, 31),
                budget, 3);
        System.out.printf(Locale.ROOT, "shop model: %d tables, whole schema %d tokens, budget %d%n", shop.tables().size(), shopPrompts.retriever().fullSchemaTokens(), budget);
        for (String question : SHOP_QUESTIONS) {
            LlmPrompt prompt = shopPrompts.build(Question.of(question));
            System.out.printf(Locale.ROOT, "  %5d tokens  %-55s %s%n", prompt.estimatedTokens(), question, prompt.slice().tableNames());
        }
        SemanticModel generated = GeneratedModel.create();
        PromptBuilder generatedPrompts = new PromptBuilder(generated, templates, ValueIndexBuilder.fromSampleValues(generated), Optional.empty(),
                () -> LocalDate.of(2024, 6, 30), budget, 3);
        System.out.printf(Locale.ROOT, "generated model: %d tables, whole schema %d tokens%n", generated.tables().size(), generatedPrompts.retriever().fullSchemaTokens());
        int needed = 0;
        int found = 0;
        for (GeneratedModel.Case question : GeneratedModel.QUESTIONS) {
            LlmPrompt prompt = generatedPrompts.build(Question.of(question.question()));
            needed += question.tables().size();
            found += (int) question.tables().stream().filter(prompt.slice().tableNames()::contains).count();
            System.out.printf(Locale.ROOT, "  %5d tokens  %-55s %s%n", prompt.estimatedTokens(), question.question(), prompt.slice().tableNames());
        }
        System.out.printf(Locale.ROOT, "retrieval recall: %d of %d needed tables (%.0f%%)%n", found, needed, 100.0 * found / needed);
        if (System.getenv("SHOW_PROMPT") != null) {
            LlmPrompt prompt = shopPrompts.build(Question.of(System.getenv("SHOW_PROMPT")));
            System.out.println(prompt.system() + "\n----\n" + prompt.user());
        }
    }

    private static void overhead(int iterations)
    {
        GoldFixture gold = GoldFixture.shared();
        SemanticModel shop = new SemanticModelLoader().load(Path.of(SemanticModelLoader.DEFAULT_MODEL));
        SqlGuard guard = new SqlGuard(SparkSessions.querySession(TestSpark.get()), Set.copyOf(shop.baseTables()));
        PromptTemplates templates = new PromptTemplates(ProjectFiles.fromEnvironment()::read);
        String[] next = new String[1];
        ChatModel instant = new ChatModel()
        {
            @Override
            public ChatResponse chat(ChatRequest request)
            {
                return ChatResponse.builder().aiMessage(AiMessage.from("Here it is:\n```json\n{\"sql\": \"" + next[0] + "\", \"explanation\": \"x\"}\n```"))
                        .tokenUsage(new TokenUsage(1000, 50)).build();
            }
        };
        SparkSqlCheck spark = new SparkSqlCheck(guard);
        long[] inGuard = new long[1];
        SqlCheck timed = sql -> {
            long start = System.nanoTime();
            try {
                return spark.check(sql);
            }
            finally {
                inGuard[0] += System.nanoTime() - start;
            }
        };
        LlmAgent agent = LlmAgent.create(LlmSettings.builder().model("instant").build(), ignored -> instant, shop, ValueIndexBuilder.fromSampleValues(shop),
                Optional.empty(), timed, gold::dataDate, templates).orElseThrow();
        List<Long> micros = new ArrayList<>();
        List<Long> guardMicros = new ArrayList<>();
        List<Long> ownMicros = new ArrayList<>();
        for (int i = 0; i < iterations + 50; i++) {
            String[] answer = SHOP_ANSWERS.get(i % SHOP_ANSWERS.size());
            next[0] = answer[1].replace("\"", "\\\"");
            inGuard[0] = 0;
            long start = System.nanoTime();
            Proposal proposal = agent.propose(Question.of(answer[0]));
            long elapsed = (System.nanoTime() - start) / 1_000;
            long guardElapsed = inGuard[0] / 1_000;
            if (!(proposal instanceof Proposal.Sql)) {
                throw new IllegalStateException("expected SQL for " + answer[0] + ", got " + proposal);
            }
            if (i >= 50) {
                micros.add(elapsed);
                guardMicros.add(guardElapsed);
                ownMicros.add(elapsed - guardElapsed);
            }
        }
        Collections.sort(micros);
        Collections.sort(guardMicros);
        Collections.sort(ownMicros);
        System.out.printf(Locale.ROOT, "Aurum's own time per LLM answer (prompt, retrieval, parsing, guard + analyzer, join check), %d answers: p50 %.1f ms, p95 %.1f ms%n",
                micros.size(), micros.get(micros.size() / 2) / 1000.0, micros.get((int) (micros.size() * 0.95)) / 1000.0);
        System.out.printf(Locale.ROOT, "  of which guard, Spark analysis and the plan walk of the join check (SparkSqlCheck): p50 %.1f ms, p95 %.1f ms%n",
                guardMicros.get(guardMicros.size() / 2) / 1000.0, guardMicros.get((int) (guardMicros.size() * 0.95)) / 1000.0);
        System.out.printf(Locale.ROOT, "  the rest (prompt, retrieval, parsing, join check): p50 %.1f ms, p95 %.1f ms%n",
                ownMicros.get(ownMicros.size() / 2) / 1000.0, ownMicros.get((int) (ownMicros.size() * 0.95)) / 1000.0);
    }
}
