package dev.aurum.semantic;

import dev.aurum.AurumException;
import dev.aurum.ErrorCode;
import dev.aurum.lakehouse.LakehouseLayout;
import dev.aurum.testing.GoldFixture;
import dev.aurum.testing.SparkTest;
import dev.aurum.testing.TestSpark;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SparkTest
class ValueIndexBuilderTest
{
    private static GoldFixture fixture;
    private static SemanticModel model;

    @TempDir
    Path lakehouse;

    @BeforeAll
    static void setUp()
    {
        fixture = GoldFixture.shared();
        model = new SemanticModelLoader().load(Path.of(SemanticModelLoader.DEFAULT_MODEL));
    }

    @Test
    void rebuildsFromGoldStoresAndLoadsTheSameIndex()
    {
        LakehouseLayout layout = new LakehouseLayout(lakehouse);
        ValueIndexBuilder builder = new ValueIndexBuilder();

        ValueIndex built = builder.rebuild(TestSpark.get(), model, layout);
        ValueIndex loaded = builder.load(layout);

        assertThat(Files.isRegularFile(lakehouse.resolve("_aurum").resolve("value-index.json"))).isTrue();
        long statuses = fixture.orders().stream().map(GoldFixture.Order::status).distinct().count();
        assertThat(loaded.values("order_facts.order_status")).hasSize((int) statuses).contains("delivered", "canceled");
        assertThat(loaded.values("customer_city")).isEqualTo(built.values("customer_city")).contains("sao paulo", "niteroi");
        assertThat(loaded.values("product_category")).contains("electronics", "unknown");
        assertThat(loaded.match("São Paulo").get(0)).satisfies(match -> {
            assertThat(match.dimension()).isEqualTo("customer_city");
            assertThat(match.value()).isEqualTo("sao paulo");
        });
        assertThat(loaded.match("electronic")).extracting(ValueMatch::value).containsOnly("electronics");
        assertThat(loaded.match("credit card")).extracting(ValueMatch::dimension).contains("primary_payment_type", "payment_type");
        assertThat(loaded.match("Minas Gerais")).extracting(ValueMatch::value).contains("MG");
        assertThat(loaded.match("season")).isEmpty();
    }

    @Test
    void aKillWhileTheIndexIsWrittenLeavesThePreviousIndexReadable()
            throws Exception
    {
        LakehouseLayout layout = new LakehouseLayout(lakehouse);
        ValueIndexBuilder builder = new ValueIndexBuilder();
        builder.rebuild(TestSpark.get(), model, layout);
        // a rebuild killed mid-write leaves only its temporary file, cut off; the index in place is the previous one
        Path temporary = lakehouse.resolve("_aurum").resolve("value-index.json.tmp");
        Files.writeString(temporary, "{\"built_at\": \"2026-01-01T00:00:00Z\", \"dimensions\": [{\"dimen");

        assertThat(builder.load(layout).values("customer_state")).contains("SP", "RJ");

        builder.rebuild(TestSpark.get(), model, layout);
        assertThat(temporary).as("the next rebuild replaces the leftover").doesNotExist();
        assertThat(builder.load(layout).values("customer_state")).contains("SP", "RJ");
    }

    @Test
    void loadingBeforeAnyBuildSaysWhatToDo()
    {
        assertThatThrownBy(() -> new ValueIndexBuilder().load(new LakehouseLayout(lakehouse)))
                .isInstanceOfSatisfying(AurumException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NO_LAKEHOUSE))
                .hasMessageContaining("aurum pipeline run");
    }

    @Test
    void sampleValueIndexWorksWithoutSpark()
    {
        ValueIndex index = ValueIndexBuilder.fromSampleValues(model);

        assertThat(index.match("boleto")).isNotEmpty();
        assertThat(index.values("season")).containsExactlyInAnyOrder("Summer", "Autumn", "Winter", "Spring");
    }
}
