package dev.aurum.testing;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.delta.storage.LocalLogStore;
import scala.collection.Iterator;

import java.io.IOException;
import java.nio.file.AccessDeniedException;

/**
 * Delta's local log store with one fault at a named commit, for crash tests in a child JVM (started with
 * {@code -Dspark.delta.logStore.file.impl=dev.aurum.testing.FaultInjectingLogStore -Daurum.test.fault=ACTION:SUFFIX}).
 * Every Delta commit is one log file write, so "the commit whose log file ends with SUFFIX" names any commit point
 * of a run, for example {@code bronze/customers/_delta_log/00000000000000000000.json}. Actions:
 * <ul>
 * <li>{@code halt-before}: the process halts ({@link Runtime#halt}, as a SIGKILL would stop it: no shutdown hook, no
 *     finally block) after the commit's data files are written and before its log entry: a kill inside the write;</li>
 * <li>{@code halt-after}: halts right after the log entry is written: a kill between two commits;</li>
 * <li>{@code read-only} / {@code disk-full}: the log write throws the error a read-only folder or a full disk gives,
 *     after the data files are written: a write that fails part-way.</li>
 * </ul>
 * Before halting it prints {@code aurum-fault: <action> <path>} on standard error, so the test knows the point was
 * reached.
 */
public class FaultInjectingLogStore
        extends LocalLogStore
{
    public static final String PROPERTY = "aurum.test.fault";
    public static final int HALT_STATUS = 137;

    public FaultInjectingLogStore(SparkConf sparkConf, Configuration hadoopConf)
    {
        super(sparkConf, hadoopConf);
    }

    @Override
    public synchronized void write(Path path, Iterator<String> actions, boolean overwrite)
    {
        write(path, actions, overwrite, getHadoopConfiguration());
    }

    @Override
    public synchronized void write(Path path, Iterator<String> actions, boolean overwrite, Configuration hadoopConf)
    {
        String fault = System.getProperty(PROPERTY, "");
        int colon = fault.indexOf(':');
        boolean here = colon > 0 && path.toUri().getPath().endsWith(fault.substring(colon + 1));
        String action = colon > 0 ? fault.substring(0, colon) : "";
        if (here) {
            switch (action) {
                case "halt-before" -> halt(action, path);
                case "read-only" -> sneakyThrow(new AccessDeniedException(path.toUri().getPath(), null, "Permission denied (simulated read-only folder)"));
                case "disk-full" -> sneakyThrow(new IOException("No space left on device (simulated full disk) writing " + path.toUri().getPath()));
                default -> {
                }
            }
        }
        super.write(path, actions, overwrite, hadoopConf);
        if (here && action.equals("halt-after")) {
            halt(action, path);
        }
    }

    private static void halt(String action, Path path)
    {
        System.err.println("aurum-fault: " + action + " " + path.toUri().getPath());
        System.err.flush();
        System.out.flush();
        Runtime.getRuntime().halt(HALT_STATUS);
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> void sneakyThrow(Throwable e)
            throws E
    {
        // Scala's LogStore.write declares no checked exception but Hadoop's throw IOException all the same
        throw (E) e;
    }
}
