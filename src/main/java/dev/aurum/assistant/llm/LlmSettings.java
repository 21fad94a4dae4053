package dev.aurum.assistant.llm;

import dev.aurum.AurumException;
import dev.aurum.ErrorCode;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * How the LLM route is configured (docs/reference.md, "The LLM route"). Every default lives in {@link Builder}. Naming a model
 * is what turns the route on: an API key alone sends nothing.
 *
 * @param model the model name; empty means the LLM route is off
 * @param baseUrl the OpenAI-compatible endpoint (OpenAI's, Ollama's {@code http://localhost:11434/v1}, vLLM, ...)
 * @param apiKey the key sent as a bearer token; local servers take any placeholder
 * @param shareResults whether result rows may be sent to the model to write a summary
 * @param timeout the longest wait for one model reply
 * @param maxAttempts how many SQL attempts (the first and its repairs) one question may take
 * @param maxRetries retries of one request after a 429, a 5xx or a timeout, with backoff
 * @param temperature sampling temperature (0: the same prompt gives the same SQL where the server allows)
 * @param jsonMode ask the server for a JSON object reply ({@code response_format}); off for servers that refuse it
 * @param promptTokenBudget above this estimate the schema is cut to the retrieved slice
 * @param similarQueries how many similar verified queries go into the prompt
 * @param record save every exchange as JSON under this folder
 * @param replay answer from exchanges saved under this folder, never the network
 */
public record LlmSettings(
        Optional<String> model,
        String baseUrl,
        String apiKey,
        boolean shareResults,
        Duration timeout,
        int maxAttempts,
        int maxRetries,
        double temperature,
        boolean jsonMode,
        int promptTokenBudget,
        int similarQueries,
        Optional<Path> record,
        Optional<Path> replay)
{
    public static final String OPENAI_BASE_URL = "https://api.openai.com/v1";
    /** What a local server that needs no key gets as a key (the OpenAI client refuses an empty one). */
    public static final String NO_KEY = "no-key";

    public LlmSettings
    {
        requireNonNull(model, "model is null");
        model = model.map(String::strip).filter(name -> !name.isEmpty());
        requireNonNull(baseUrl, "baseUrl is null");
        requireNonNull(apiKey, "apiKey is null");
        requireNonNull(timeout, "timeout is null");
        requireNonNull(record, "record is null");
        requireNonNull(replay, "replay is null");
        if (maxAttempts < 1) {
            throw new AurumException(ErrorCode.BAD_INPUT, "--max-attempts must be at least 1, not " + maxAttempts);
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new AurumException(ErrorCode.BAD_INPUT, "the LLM timeout must be positive, not " + timeout);
        }
        if (record.isPresent() && replay.isPresent()) {
            throw new AurumException(ErrorCode.BAD_INPUT, "--record and --replay cannot be used together");
        }
    }

    public boolean enabled()
    {
        return model.isPresent();
    }

    public static Builder builder()
    {
        return new Builder();
    }

    /**
     * The settings from the environment: {@code AURUM_LLM_MODEL}, {@code AURUM_LLM_BASE_URL}, {@code AURUM_LLM_API_KEY}
     * (else {@code OPENAI_API_KEY}), {@code AURUM_LLM_SHARE_RESULTS}, {@code AURUM_LLM_TIMEOUT_SECONDS},
     * {@code AURUM_LLM_MAX_ATTEMPTS}, {@code AURUM_LLM_JSON_MODE}. Flags override them through the builder.
     */
    public static Builder fromEnvironment(Map<String, String> environment)
    {
        Builder builder = builder();
        value(environment, "AURUM_LLM_MODEL").ifPresent(builder::model);
        value(environment, "AURUM_LLM_BASE_URL").ifPresent(builder::baseUrl);
        value(environment, "AURUM_LLM_API_KEY").or(() -> value(environment, "OPENAI_API_KEY")).ifPresent(builder::apiKey);
        value(environment, "AURUM_LLM_SHARE_RESULTS").ifPresent(text -> builder.shareResults(flag("AURUM_LLM_SHARE_RESULTS", text)));
        value(environment, "AURUM_LLM_JSON_MODE").ifPresent(text -> builder.jsonMode(flag("AURUM_LLM_JSON_MODE", text)));
        value(environment, "AURUM_LLM_TIMEOUT_SECONDS").ifPresent(text -> builder.timeout(Duration.ofSeconds(number("AURUM_LLM_TIMEOUT_SECONDS", text))));
        value(environment, "AURUM_LLM_MAX_ATTEMPTS").ifPresent(text -> builder.maxAttempts((int) number("AURUM_LLM_MAX_ATTEMPTS", text)));
        return builder;
    }

    private static Optional<String> value(Map<String, String> environment, String name)
    {
        return Optional.ofNullable(environment.get(name)).map(String::strip).filter(text -> !text.isEmpty());
    }

    private static boolean flag(String name, String text)
    {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1", "on" -> true;
            case "false", "no", "0", "off" -> false;
            default -> throw new AurumException(ErrorCode.BAD_INPUT, name + " must be true or false, not '" + text + "'");
        };
    }

    private static long number(String name, String text)
    {
        try {
            return Long.parseLong(text);
        }
        catch (NumberFormatException e) {
            throw new AurumException(ErrorCode.BAD_INPUT, name + " must be a whole number, not '" + text + "'");
        }
    }

    public static final class Builder
    {
        private Optional<String> model = Optional.empty();
        private String baseUrl = OPENAI_BASE_URL;
        private String apiKey = NO_KEY;
        private boolean shareResults;
        private Duration timeout = Duration.ofSeconds(60);
        private int maxAttempts = 3;
        private int maxRetries = 2;
        private double temperature;
        private boolean jsonMode = true;
        private int promptTokenBudget = 3_500;
        private int similarQueries = 3;
        private Optional<Path> record = Optional.empty();
        private Optional<Path> replay = Optional.empty();

        private Builder() {}

        public Builder model(String model)
        {
            this.model = Optional.ofNullable(model);
            return this;
        }

        public Builder baseUrl(String baseUrl)
        {
            this.baseUrl = requireNonNull(baseUrl, "baseUrl is null");
            return this;
        }

        public Builder apiKey(String apiKey)
        {
            this.apiKey = requireNonNull(apiKey, "apiKey is null");
            return this;
        }

        public Builder shareResults(boolean shareResults)
        {
            this.shareResults = shareResults;
            return this;
        }

        public Builder timeout(Duration timeout)
        {
            this.timeout = requireNonNull(timeout, "timeout is null");
            return this;
        }

        public Builder maxAttempts(int maxAttempts)
        {
            this.maxAttempts = maxAttempts;
            return this;
        }

        public Builder maxRetries(int maxRetries)
        {
            this.maxRetries = maxRetries;
            return this;
        }

        public Builder temperature(double temperature)
        {
            this.temperature = temperature;
            return this;
        }

        public Builder jsonMode(boolean jsonMode)
        {
            this.jsonMode = jsonMode;
            return this;
        }

        public Builder promptTokenBudget(int promptTokenBudget)
        {
            this.promptTokenBudget = promptTokenBudget;
            return this;
        }

        public Builder similarQueries(int similarQueries)
        {
            this.similarQueries = similarQueries;
            return this;
        }

        public Builder record(Path folder)
        {
            this.record = Optional.ofNullable(folder);
            return this;
        }

        public Builder replay(Path folder)
        {
            this.replay = Optional.ofNullable(folder);
            return this;
        }

        public LlmSettings build()
        {
            return new LlmSettings(model, baseUrl, apiKey, shareResults, timeout, maxAttempts, maxRetries, temperature, jsonMode,
                    promptTokenBudget, similarQueries, record, replay);
        }
    }
}
