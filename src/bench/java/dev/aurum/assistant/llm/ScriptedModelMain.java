package dev.aurum.assistant.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aurum.eval.EvalItem;
import dev.aurum.eval.EvalSuite;
import dev.aurum.eval.EvalSuiteLoader;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The scripted model behind the committed replay set {@code evals/replay/scripted}: an OpenAI-compatible server on
 * 127.0.0.1 that answers each SQL request of an eval question with that question's gold SQL (and a summary request
 * with one plain sentence). It exercises the LLM route's plumbing end to end (prompt, parsing, guard, join check,
 * record and replay, scoring per route); it says nothing about how good any real model is.
 *
 * <pre>
 * mvn -B -q -o -Pbench test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt
 * java -cp target/classes:target/test-classes:$(cat target/test-classpath.txt) dev.aurum.assistant.llm.ScriptedModelMain &amp;   # prints its base URL
 * AURUM_LLM_BASE_URL=http://127.0.0.1:PORT/v1 ./aurum eval --engine llm --llm-model scripted --record evals/replay/scripted
 * ./aurum eval --engine llm --replay evals/replay/scripted
 * </pre>
 */
public final class ScriptedModelMain
{
    private ScriptedModelMain() {}

    public static void main(String[] args)
            throws InterruptedException
    {
        EvalSuite suite = new EvalSuiteLoader().load(Path.of(args.length > 0 ? args[0] : EvalSuiteLoader.DEFAULT_SUITE));
        Map<String, EvalItem> byQuestion = new HashMap<>();
        suite.items().forEach(item -> byQuestion.put(item.question().strip(), item));
        ObjectMapper json = new ObjectMapper();
        ScriptedOpenAiServer server = new ScriptedOpenAiServer().otherwise(body -> {
            try {
                JsonNode messages = json.readTree(body).get("messages");
                String first = messages.get(messages.size() > 1 ? 1 : 0).get("content").asText();
                int at = first.lastIndexOf("\nQuestion: ");
                String question = at < 0 ? "" : first.substring(at + "\nQuestion: ".length()).strip();
                EvalItem item = byQuestion.get(question);
                if (item == null || item.goldSql().isEmpty()) {
                    return "{\"clarification\": \"The scripted model has no SQL for this question.\", \"choices\": []}";
                }
                return ScriptedOpenAiServer.sqlReply(item.goldSql().get().strip());
            }
            catch (java.io.IOException e) {
                return "not json";
            }
        });
        System.out.println(server.baseUrl());
        Thread.currentThread().join();
    }
}
