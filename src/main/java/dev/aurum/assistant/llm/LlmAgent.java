package dev.aurum.assistant.llm;

import dev.aurum.AurumException;
import dev.aurum.assistant.proposal.Attempt;
import dev.aurum.assistant.proposal.Proposal;
import dev.aurum.assistant.proposal.Proposer;
import dev.aurum.assistant.proposal.Question;
import dev.aurum.assistant.proposal.Usage;
import dev.aurum.semantic.SemanticModel;
import dev.aurum.semantic.ValueIndex;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.exception.UnresolvedModelServerException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/**
 * The LLM text-to-SQL route (docs/reference.md, "The LLM route"): renders the prompt, asks the model, parses its reply, checks
 * the SQL with the guard and Spark's analyzer and the joins against the semantic model's relationships, and sends
 * every problem back with the repair prompt, at most {@code maxAttempts} times. It never runs the SQL; the router does.
 * A guard or analyzer error on the last attempt, or a model that cannot be reached, is {@link Proposal.Abstain} with
 * every attempt; a join problem on the last attempt is proposed with a warning.
 */
public final class LlmAgent
        implements Proposer
{
    private final ChatModel chat;
    private final LlmSettings settings;
    private final PromptBuilder prompts;
    private final PromptTemplates templates;
    private final SqlCheck check;
    private final JoinCheck joins;
    private final NearestNames names;
    private final ReplyParser parser = new ReplyParser();

    public LlmAgent(ChatModel chat, LlmSettings settings, PromptBuilder prompts, PromptTemplates templates, SqlCheck check, JoinCheck joins,
            NearestNames names)
    {
        this.chat = requireNonNull(chat, "chat is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.prompts = requireNonNull(prompts, "prompts is null");
        this.templates = requireNonNull(templates, "templates is null");
        this.check = requireNonNull(check, "check is null");
        this.joins = requireNonNull(joins, "joins is null");
        this.names = requireNonNull(names, "names is null");
    }

    /**
     * The agent over a semantic model, or empty when no model is named: an API key alone never turns the route on, so
     * without {@code --llm-model} / {@code AURUM_LLM_MODEL} nothing is sent anywhere.
     *
     * @param chat makes the chat model; called only when a model is named
     * @param embedder text to vector, for similar verified queries and schema retrieval (empty: lexical only)
     */
    public static Optional<LlmAgent> create(LlmSettings settings, Function<LlmSettings, ChatModel> chat, SemanticModel model, ValueIndex values,
            Optional<Function<String, float[]>> embedder, SqlCheck check, Supplier<LocalDate> dataDate, PromptTemplates templates)
    {
        if (!settings.enabled()) {
            return Optional.empty();
        }
        PromptBuilder prompts = new PromptBuilder(model, templates, values, embedder, dataDate, settings.promptTokenBudget(), settings.similarQueries());
        return Optional.of(new LlmAgent(chat.apply(settings), settings, prompts, templates, check, new JoinCheck(model), new NearestNames(model)));
    }

    @Override
    public Proposal propose(Question question)
    {
        LlmPrompt prompt = prompts.build(question);
        List<ChatMessage> messages = new ArrayList<>(List.of(SystemMessage.from(prompt.system()), UserMessage.from(prompt.user())));
        List<Attempt> attempts = new ArrayList<>();
        Usage usage = Usage.NONE;
        for (int attempt = 1; attempt <= settings.maxAttempts(); attempt++) {
            boolean last = attempt == settings.maxAttempts();
            long start = System.nanoTime();
            ChatResponse response;
            try {
                response = chat.chat(request(messages));
            }
            catch (RuntimeException e) {
                usage = usage.plus(new Usage(null, null, millisSince(start)));
                return new Proposal.Abstain(describe(e), Optional.empty(), attempts, usage);
            }
            usage = usage.plus(usage(response, millisSince(start)));
            String text = response.aiMessage() == null || response.aiMessage().text() == null ? "" : response.aiMessage().text();
            ModelReply reply = parser.parse(text);
            String sql;
            String error;
            if (reply instanceof ModelReply.Clarification clarification) {
                return new Proposal.Clarify(clarification.question(), clarification.choices(), null, List.of());
            }
            else if (reply instanceof ModelReply.Unusable unusable) {
                sql = ReplyParser.excerpt(text);
                error = unusable.error();
            }
            else {
                ModelReply.Sql proposed = (ModelReply.Sql) reply;
                sql = proposed.sql();
                try {
                    CheckedSql checked = check.check(proposed.sql());
                    List<String> problems = joins.problems(checked);
                    if (problems.isEmpty() || last) {
                        return new Proposal.Sql(checked.sql(), proposed.explanation(), List.of(), proposed.chart(), null, List.of(), attempts, usage,
                                problems.stream().map(problem -> "Join check: " + problem).toList());
                    }
                    error = "The join check found a problem: " + String.join("; ", problems);
                }
                catch (AurumException e) {
                    error = e.getMessage() + names.suggest(e.getMessage());
                }
            }
            attempts.add(new Attempt(sql, error));
            if (last) {
                return new Proposal.Abstain("no usable SQL after " + attempts.size() + " attempt" + (attempts.size() == 1 ? "" : "s")
                        + "; the last problem: " + error, Optional.empty(), attempts, usage);
            }
            messages.add(AiMessage.from(text.isEmpty() ? "(empty reply)" : text));
            messages.add(UserMessage.from(templates.render(PromptTemplates.REPAIR, Map.of("error", error, "sql", sql))));
        }
        throw new IllegalStateException("unreachable: the loop returns on its last attempt");
    }

    private ChatRequest request(List<ChatMessage> messages)
    {
        ChatRequest.Builder request = ChatRequest.builder().messages(messages);
        if (settings.jsonMode()) {
            request.responseFormat(ResponseFormat.JSON);
        }
        return request.build();
    }

    private static Usage usage(ChatResponse response, long millis)
    {
        TokenUsage tokens = response.tokenUsage();
        if (tokens == null) {
            return new Usage(null, null, millis);
        }
        return new Usage(toLong(tokens.inputTokenCount()), toLong(tokens.outputTokenCount()), millis);
    }

    private static Long toLong(Integer value)
    {
        return value == null ? null : value.longValue();
    }

    private static long millisSince(long start)
    {
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** A failed model call in words the user can act on. */
    String describe(RuntimeException e)
    {
        String server = "the model server at " + settings.baseUrl();
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof AurumException aurum) {
                return aurum.getMessage();
            }
            if (cause instanceof AuthenticationException) {
                return server + " rejected the API key (HTTP 401/403); set AURUM_LLM_API_KEY (or OPENAI_API_KEY) to a valid key";
            }
            if (cause instanceof ModelNotFoundException) {
                return server + " does not know the model '" + settings.model().orElse("") + "'; check --llm-model or AURUM_LLM_MODEL";
            }
            if (cause instanceof RateLimitException) {
                return server + " is rate limiting requests (HTTP 429), still after " + settings.maxRetries() + " retries with backoff; try again later";
            }
            if (cause instanceof TimeoutException || cause instanceof HttpTimeoutException || cause instanceof SocketTimeoutException) {
                return "the model did not reply within " + settings.timeout().toSeconds() + " s (" + server + ", after " + settings.maxRetries()
                        + " retries); raise AURUM_LLM_TIMEOUT_SECONDS or use a faster model";
            }
            if (cause instanceof ConnectException || cause instanceof UnknownHostException || cause instanceof UnresolvedModelServerException) {
                return "cannot reach " + server + " (" + cause.getClass().getSimpleName() + "); start the server or fix AURUM_LLM_BASE_URL";
            }
            if (cause instanceof InternalServerException) {
                return server + " failed (HTTP 5xx) after " + settings.maxRetries() + " retries: " + ReplyParser.excerpt(String.valueOf(cause.getMessage()));
            }
            if (cause instanceof HttpException http) {
                return server + " answered HTTP " + http.statusCode() + ": " + ReplyParser.excerpt(String.valueOf(http.getMessage()));
            }
        }
        return "the model call failed: " + ReplyParser.excerpt(String.valueOf(e));
    }
}
