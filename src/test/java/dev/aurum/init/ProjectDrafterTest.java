package dev.aurum.init;

import dev.aurum.AurumException;
import dev.aurum.init.CsvProfile.ColumnType.Kind;
import dev.aurum.lakehouse.Project;
import dev.aurum.pipeline.PipelineSpec;
import dev.aurum.pipeline.PipelineSpecLoader;
import dev.aurum.pipeline.SourceSpec;
import dev.aurum.semantic.SemanticModel;
import dev.aurum.semantic.SemanticModelLoader;
import dev.aurum.semantic.SemanticTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code aurum init}'s drafting, without Spark: profiles of CSV drops and the project files written from them. */
class ProjectDrafterTest
{
    @TempDir
    Path folder;

    @Test
    void headersInTheirOwnSpellingBecomeSnakeCase()
    {
        assertThat(CsvProfiler.snakeCase("InvoiceNo")).isEqualTo("invoice_no");
        assertThat(CsvProfiler.snakeCase("UnitPrice")).isEqualTo("unit_price");
        assertThat(CsvProfiler.snakeCase("Customer ID")).isEqualTo("customer_id");
        assertThat(CsvProfiler.snakeCase("CustomerID")).isEqualTo("customer_id");
        assertThat(CsvProfiler.snakeCase(" Pickup Date ")).isEqualTo("pickup_date");
        assertThat(CsvProfiler.snakeCase("2nd Line")).isEqualTo("c_2nd_line");
    }

    @Test
    void typesAreInferredFromTheValues()
    {
        assertThat(CsvProfiler.type("quantity", List.of("1", "12", "-3")).kind()).isEqualTo(Kind.INTEGER);
        assertThat(CsvProfiler.type("invoice_no", List.of("536365", "536366")).kind()).as("an identifier stays text").isEqualTo(Kind.STRING);
        assertThat(CsvProfiler.type("unit_price", List.of("2.55", "3", "0.85")).sparkType()).isEqualTo("decimal(18,2)");
        assertThat(CsvProfiler.type("paid", List.of("true", "FALSE")).kind()).isEqualTo(Kind.BOOLEAN);
        assertThat(CsvProfiler.type("day", List.of("2024-01-31", "2024-02-01")).format()).isEqualTo("yyyy-MM-dd");
        assertThat(CsvProfiler.type("at", List.of("2010-12-01 08:26:00")).format()).isEqualTo("yyyy-MM-dd HH:mm:ss");
        assertThat(CsvProfiler.type("day", List.of("2024-02-30")).kind()).as("not a real date").isEqualTo(Kind.STRING);
        assertThat(CsvProfiler.type("status", List.of("completed", "cancelled")).kind()).isEqualTo(Kind.STRING);
    }

    @Test
    void profilesEntitiesKeysAndAppendOnlySourcesFromDrops()
    {
        RentalDrops drops = RentalDrops.write(folder.resolve("drops"));
        List<CsvProfile> profiles = new CsvProfiler().profile(folder.resolve("drops"));

        assertThat(profiles).extracting(CsvProfile::entity).containsExactly("extras", "rentals");
        CsvProfile rentals = profiles.get(1);
        assertThat(rentals.files()).hasSize(RentalDrops.DAYS.size());
        assertThat(rentals.key()).containsExactly("rental_id");
        assertThat(rentals.columns()).extracting(CsvProfile.Column::name).containsExactly("rental_id", "customer_id", "pickup_date", "amount", "status");
        CsvProfile.Column customer = rentals.columns().get(1);
        assertThat(customer.spellings()).containsExactly("Customer ID", "CustomerID");
        assertThat(customer.inEveryFile()).isTrue();
        assertThat(rentals.columns().get(2).type().kind()).isEqualTo(Kind.DATE);
        assertThat(rentals.columns().get(3).type().kind()).isEqualTo(Kind.DECIMAL);
        assertThat(rentals.columns().get(4).samples()).contains("completed", "cancelled", "booked");
        assertThat(rentals.mainTime()).map(CsvProfile.Column::name).contains("pickup_date");

        CsvProfile extras = profiles.get(0);
        assertThat(extras.appendOnly()).as("the same extra twice on a rental, and a duplicate line: no unique column set").isTrue();
        assertThat(extras.rows()).isEqualTo(drops.extraLines);
    }

    @Test
    void theDraftedProjectLoadsAsAPipelineAModelAndASuite()
    {
        RentalDrops.write(folder.resolve("drops"));
        Path project = folder.resolve("rentals-project");
        ProjectDrafter.Draft draft = new ProjectDrafter().write(new CsvProfiler().profile(folder.resolve("drops")), project,
                new ProjectDrafter.Settings("rentals", Optional.of("EUR")));

        assertThat(draft.files()).contains("pipelines/rentals.yaml", "pipelines/silver/rentals.sql", "pipelines/gold/extras.sql",
                "semantic-model/rentals.yaml", "evals/rentals.yaml");
        Project opened = Project.at(project);
        PipelineSpec spec = new PipelineSpecLoader(opened.files()).load(opened.pipelineFile());
        SourceSpec rentals = spec.sources().stream().filter(source -> source.entity().equals("rentals")).findFirst().orElseThrow();
        assertThat(rentals.key()).containsExactly("rental_id");
        assertThat(rentals.columnOf("Customer ID")).isEqualTo("customer_id");
        assertThat(rentals.columnOf("CustomerID")).isEqualTo("customer_id");
        assertThat(rentals.columnOf("RentalID")).isEqualTo("rental_id");
        SourceSpec extras = spec.sources().stream().filter(source -> source.entity().equals("extras")).findFirst().orElseThrow();
        assertThat(extras.appendOnly()).isTrue();
        assertThat(extras.key()).isEmpty();

        SemanticModel model = new SemanticModelLoader().parse(opened.files().read(opened.semanticModelFile()), opened.semanticModelFile());
        assertThat(model.currency()).isEqualTo("EUR");
        assertThat(model.dataDate()).isEqualTo("rentals.pickup_date");
        SemanticTable table = model.table("rentals").orElseThrow();
        assertThat(table.metrics()).extracting(metric -> metric.name()).contains("rentals", "total_amount", "distinct_customers");
        assertThat(table.metrics().stream().filter(metric -> metric.name().equals("total_amount")).findFirst().orElseThrow().format()).isEqualTo("money");
        assertThat(table.dimensions()).extracting(dimension -> dimension.name()).contains("status", "year", "month");
        assertThat(table.dimensions().stream().filter(dimension -> dimension.name().equals("status")).findFirst().orElseThrow().isEnum()).isTrue();
        table.dimensions().forEach(dimension -> assertThat(dimension.description()).startsWith(ProjectDrafter.REVIEW));
        table.metrics().forEach(metric -> assertThat(metric.description()).startsWith(ProjectDrafter.REVIEW));
        assertThat(opened.defaultSuite()).isEqualTo("evals/rentals.yaml");

        assertThat(project.resolve("lakehouse/landing/rentals/2024-02-21/rentals.csv")).exists();
        assertThat(Files.exists(project.resolve("lakehouse/landing/extras/2024-01-10/extras.csv"))).isTrue();
    }

    @Test
    void aMissingFolderOrNoCsvIsBadInput()
    {
        assertThatThrownBy(() -> new CsvProfiler().profile(folder.resolve("nothing-here")))
                .isInstanceOf(AurumException.class).hasMessageContaining("does not exist");
        assertThatThrownBy(() -> new CsvProfiler().profile(folder))
                .isInstanceOf(AurumException.class).hasMessageContaining("No .csv files");
    }

    @Test
    void aProjectFolderWithoutItsDefinitionsSaysWhatIsMissing()
    {
        assertThatThrownBy(() -> Project.at(folder.resolve("absent"))).isInstanceOf(AurumException.class).hasMessageContaining("does not exist");
        Project empty = Project.at(folder);
        assertThatThrownBy(empty::pipelineFile).isInstanceOf(AurumException.class).hasMessageContaining("has no pipelines/ folder");
        assertThatThrownBy(empty::semanticModelFile).isInstanceOf(AurumException.class).hasMessageContaining("has no semantic-model/ folder");
    }
}
