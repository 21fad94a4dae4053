package dev.aurum.eval;

import dev.aurum.AurumException;
import dev.aurum.ErrorCode;
import dev.aurum.assistant.Answer;
import dev.aurum.sql.SqlGuard;

import java.util.Locale;
import java.util.function.Predicate;

import static java.util.Objects.requireNonNull;

/**
 * Names the reason of an error answer. An answer does not carry an error code, so the SQL it tried is put to the
 * same SQL guard again: a rejection there is {@link FailureReason#GUARD_REJECTED}. A message about the time limit is
 * {@link FailureReason#TIMEOUT}; everything else is {@link FailureReason#SQL_ERROR}.
 */
public final class ErrorClassifier
{
    private final Predicate<String> guardRejects;

    /** @param guardRejects true when the guard refuses the statement */
    public ErrorClassifier(Predicate<String> guardRejects)
    {
        this.guardRejects = requireNonNull(guardRejects, "guardRejects is null");
    }

    public static ErrorClassifier of(SqlGuard guard)
    {
        requireNonNull(guard, "guard is null");
        return new ErrorClassifier(sql -> {
            try {
                guard.check(sql);
                return false;
            }
            catch (AurumException e) {
                return e.code() == ErrorCode.SQL_REJECTED;
            }
        });
    }

    public FailureReason classify(Answer answer)
    {
        String message = answer.message() == null ? "" : answer.message().toLowerCase(Locale.ROOT);
        if (message.contains("timed out") || message.contains("time limit") || message.contains("timeout")) {
            return FailureReason.TIMEOUT;
        }
        if (answer.sql() != null && !answer.sql().isBlank() && guardRejects.test(answer.sql())) {
            return FailureReason.GUARD_REJECTED;
        }
        return FailureReason.SQL_ERROR;
    }
}
