package dev.aurum.pipeline;

import dev.aurum.AurumException;
import dev.aurum.ErrorCode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

import static java.util.Objects.requireNonNull;

/**
 * One pipeline run per lakehouse at a time: an OS lock on {@code _aurum/pipeline.lock}, released when the run
 * ends or its process dies. {@link #acquire} fails at once (exit code 1) when another run holds it. While held, the
 * file names its holder (process id and start time) and a clean release empties it, so a non-empty file nobody
 * holds is a stale lock: its run was killed (harmless, the next run takes the lock; see {@link #inspect}).
 */
public final class PipelineLock
        implements AutoCloseable
{
    private final FileChannel channel;
    private final FileLock lock;

    private PipelineLock(FileChannel channel, FileLock lock)
    {
        this.channel = channel;
        this.lock = lock;
    }

    public static PipelineLock acquire(Path lockFile)
    {
        try {
            Files.createDirectories(lockFile.getParent());
            FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            }
            catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                throw new AurumException(ErrorCode.LOCKED, "Another pipeline run is working on this lakehouse (lock " + lockFile
                        + " is held); wait for it to finish, or check `aurum pipeline status`.");
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + ", started " + Instant.now() + "\n").getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(false);
            return new PipelineLock(channel, lock);
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot open the pipeline lock " + lockFile, e);
        }
    }

    /** The lock's state as {@code pipeline status} reports it. */
    public enum State
    {
        /** No run holds it and the last one released it. */
        FREE,
        /** A run holds it now. */
        HELD,
        /** No run holds it, but the last holder never released it: that run was killed or crashed. */
        STALE
    }

    /** The lock's state and, when held or stale, who took it ({@code pid …, started …}). */
    public record Inspection(State state, String holder)
    {
        public Inspection
        {
            requireNonNull(state, "state is null");
            requireNonNull(holder, "holder is null");
        }
    }

    /** Looks at the lock without keeping it. */
    public static Inspection inspect(Path lockFile)
    {
        if (!Files.isRegularFile(lockFile)) {
            return new Inspection(State.FREE, "");
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            String holder = Files.readString(lockFile, StandardCharsets.UTF_8).trim();
            FileLock lock;
            try {
                lock = channel.tryLock();
            }
            catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                return new Inspection(State.HELD, holder);
            }
            lock.release();
            return new Inspection(holder.isEmpty() ? State.FREE : State.STALE, holder);
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read the pipeline lock " + lockFile, e);
        }
    }

    @Override
    public void close()
    {
        try {
            channel.truncate(0);
            lock.release();
            channel.close();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
