package dev.aurum.assistant;

import dev.aurum.assistant.proposal.TextEmbedder;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * The local all-MiniLM-L6-v2 sentence embedding model (ONNX, inside the jar): no network, no key. Loading takes a
 * second or two, so {@link #warmUp()} starts it in the background; the first {@link #embed} waits for it.
 */
public final class MiniLmEmbedder
        implements TextEmbedder
{
    private final CompletableFuture<EmbeddingModel> model = new CompletableFuture<>();
    private volatile boolean started;

    /** Starts loading the model on a daemon thread; returns at once. Calling it again does nothing. */
    public MiniLmEmbedder warmUp()
    {
        start(true);
        return this;
    }

    @Override
    public float[] embed(String text)
    {
        start(false);
        try {
            return model.get().embed(text).content().vector();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading the embedding model", e);
        }
        catch (ExecutionException e) {
            throw new IllegalStateException("cannot load the all-MiniLM-L6-v2 embedding model: " + e.getCause().getMessage(), e.getCause());
        }
    }

    private synchronized void start(boolean background)
    {
        if (started) {
            return;
        }
        started = true;
        Runnable load = () -> {
            try {
                EmbeddingModel loaded = new AllMiniLmL6V2EmbeddingModel();
                loaded.embed("warm up");
                model.complete(loaded);
            }
            catch (RuntimeException | Error e) {
                model.completeExceptionally(e);
            }
        };
        if (background) {
            Thread thread = new Thread(load, "aurum-embedding-warm-up");
            thread.setDaemon(true);
            thread.start();
        }
        else {
            load.run();
        }
    }
}
