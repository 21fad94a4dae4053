package dev.aurum.pipeline;

import dev.aurum.AurumException;
import dev.aurum.ErrorCode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One pipeline run per lakehouse at a time: an OS lock on {@code _aurum/pipeline.lock}, released when the run
 * ends or its process dies. {@link #acquire} fails at once (exit code 1) when another run holds it.
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
            return new PipelineLock(channel, lock);
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot open the pipeline lock " + lockFile, e);
        }
    }

    @Override
    public void close()
    {
        try {
            lock.release();
            channel.close();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
