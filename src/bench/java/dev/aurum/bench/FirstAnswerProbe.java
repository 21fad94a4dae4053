package dev.aurum.bench;

import dev.aurum.assistant.Answer;
import dev.aurum.assistant.Engine;
import dev.aurum.assistant.MiniLmEmbedder;
import dev.aurum.assistant.RouterSettings;
import dev.aurum.cli.AppContext;
import dev.aurum.cli.AssistantSession;
import dev.aurum.cli.LakehouseAssistantFactory;
import dev.aurum.lakehouse.LakehouseLayout;
import dev.aurum.lakehouse.SparkSessions;
import dev.aurum.lakehouse.SparkSettings;
import dev.aurum.lakehouse.TableRegistry;
import dev.aurum.semantic.ValueIndexBuilder;
import dev.aurum.sql.DataDate;
import org.apache.spark.sql.SparkSession;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Where the time from a cold start to the first answer goes, one step after the other in a fresh JVM: Spark's start,
 * table registration, every Gold table's Delta snapshot, the first query (the data date), the stored value index,
 * the MiniLM embedding model, then the first question through the assistant (which still pays its own first planning
 * and code generation) and a second, different one. Steps run one at a time here; the chat overlaps them.
 *
 * <p>{@code java <add-opens> -Daurum.home=. -cp "target/aurum.jar:target/lib/*:target/test-classes" dev.aurum.bench.FirstAnswerProbe LAKEHOUSE}
 */
public final class FirstAnswerProbe
{
    private FirstAnswerProbe() {}

    public static void main(String[] args)
    {
        LakehouseLayout layout = new LakehouseLayout(Path.of(args[0]));
        long start = System.nanoTime();
        long mark = start;
        SparkSession spark = SparkSessions.create(SparkSettings.defaults());
        mark = step("Spark session started", mark);
        new TableRegistry(spark, layout).registerAll();
        mark = step("tables registered", mark);
        SparkSession query = SparkSessions.querySession(spark);
        DataDate date = new DataDate(query);
        date.versions(List.of("gold.order_facts", "gold.order_items", "gold.daily_sales", "gold.customer_spend_quarterly", "gold.category_sales_monthly",
                "gold.state_sales_monthly", "gold.payment_mix_monthly", "gold.customers"));
        mark = step("Delta snapshots of the 8 Gold tables", mark);
        date.current();
        mark = step("first query (data date: SELECT max(purchase_date))", mark);
        new ValueIndexBuilder().load(layout);
        mark = step("stored value index loaded", mark);
        new MiniLmEmbedder().warmUp().embed("revenue by state");
        mark = step("MiniLM embedding model loaded", mark);
        spark.stop();
        mark = step("(Spark stopped; the assistant below starts its own)", mark);

        long assistantStart = System.nanoTime();
        try (AppContext context = new AppContext(layout, SparkSettings.defaults());
                AssistantSession session = new LakehouseAssistantFactory().open(context, RouterSettings.offline())) {
            Answer first = session.newConversation(Engine.OFFLINE).ask("probe-1", "revenue by state in 2018");
            mark = step("assistant: cold first answer (" + first.status().name().toLowerCase(Locale.ROOT) + ", execute " + first.timings().executeMs() + " ms, guard "
                    + first.timings().guardMs() + " ms)", assistantStart);
            Answer second = session.newConversation(Engine.OFFLINE).ask("probe-2", "orders by payment type last quarter");
            mark = step("assistant: second answer (" + second.status().name().toLowerCase(Locale.ROOT) + ", execute " + second.timings().executeMs() + " ms, guard "
                    + second.timings().guardMs() + " ms)", mark);
            session.newConversation(Engine.OFFLINE).ask("probe-3", "revenue by state in 2018");
            step("assistant: first question again (result cache)", mark);
        }
        System.out.printf(Locale.ROOT, "total %.1f s%n", (System.nanoTime() - start) / 1e9);
    }

    private static long step(String what, long since)
    {
        long now = System.nanoTime();
        System.out.printf(Locale.ROOT, "%8.1f s  %s%n", (now - since) / 1e9, what);
        System.out.flush();
        return now;
    }
}
