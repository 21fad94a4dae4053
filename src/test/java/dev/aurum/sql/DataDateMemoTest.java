package dev.aurum.sql;

import dev.aurum.lakehouse.TableRegistry;
import dev.aurum.lakehouse.LakehouseLayout;
import dev.aurum.semantic.DataDateColumn;
import dev.aurum.testing.SparkTest;
import dev.aurum.testing.TestSpark;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The data date kept on disk with the table version it was read at: a new process over the same version takes it
 * from the file (shown by a file that says something else than the table), a new version reads the table again and
 * files the new date, and a broken file is read past.
 */
@SparkTest
class DataDateMemoTest
{
    private final SparkSession spark = TestSpark.get();

    @TempDir
    Path folder;

    @Test
    void dateIsFiledWithItsVersionAndReadAgainOnlyWhenTheTableMoves()
            throws Exception
    {
        Path table = folder.resolve("memo_facts");
        spark.sql("SELECT DATE'2024-03-01' AS sold_on UNION ALL SELECT DATE'2024-03-09'").write().format("delta").save(table.toString());
        new TableRegistry(spark, new LakehouseLayout(folder)).registerTable("memo_gold.memo_facts", table);
        Path memo = folder.resolve("_aurum").resolve("data-date.json");
        Optional<DataDateColumn> column = Optional.of(new DataDateColumn("memo_gold.memo_facts", "sold_on", "sold_on"));

        assertThat(new DataDate(spark, column).withMemo(memo).current()).isEqualTo(LocalDate.of(2024, 3, 9));
        assertThat(Files.readString(memo)).contains("\"version\" : 0").contains("\"date\" : \"2024-03-09\"");

        // a fresh process over the same version reads the file, not the table
        Files.writeString(memo, Files.readString(memo).replace("2024-03-09", "2024-03-05"));
        assertThat(new DataDate(spark, column).withMemo(memo).current()).isEqualTo(LocalDate.of(2024, 3, 5));

        // a new version of the table: read again and filed under the new version
        spark.sql("SELECT DATE'2024-04-02' AS sold_on").write().format("delta").mode("append").save(table.toString());
        DataDate fresh = new DataDate(spark, column).withMemo(memo);
        assertThat(fresh.current()).isEqualTo(LocalDate.of(2024, 4, 2));
        assertThat(Files.readString(memo)).contains("\"version\" : 1").contains("\"date\" : \"2024-04-02\"");

        // a broken file is read past, and replaced
        Files.writeString(memo, "{not json");
        assertThat(new DataDate(spark, column).withMemo(memo).current()).isEqualTo(LocalDate.of(2024, 4, 2));
        assertThat(Files.readString(memo)).contains("\"version\" : 1");

        // without a memo nothing changes: the table is read
        assertThat(new DataDate(spark, column).current()).isEqualTo(LocalDate.of(2024, 4, 2));
    }
}
