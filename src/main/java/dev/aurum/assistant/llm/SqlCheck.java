package dev.aurum.assistant.llm;

/**
 * Checks proposed SQL without running it: the guard's verdict and Spark's analyzer (production: {@link SparkSqlCheck}).
 * A refusal or an analysis error is thrown as an {@link dev.aurum.AurumException} whose message is the verdict sent
 * back to the model.
 */
@FunctionalInterface
public interface SqlCheck
{
    CheckedSql check(String sql);
}
