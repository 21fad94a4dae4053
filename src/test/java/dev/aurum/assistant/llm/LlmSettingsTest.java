package dev.aurum.assistant.llm;

import dev.aurum.AurumException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LlmSettingsTest
{
    @Test
    void defaultsAreOpenAiTemperatureZeroThreeAttemptsAndNoSharing()
    {
        LlmSettings settings = LlmSettings.fromEnvironment(Map.of()).build();

        assertThat(settings.enabled()).isFalse();
        assertThat(settings.baseUrl()).isEqualTo("https://api.openai.com/v1");
        assertThat(settings.apiKey()).isEqualTo(LlmSettings.NO_KEY);
        assertThat(settings.temperature()).isZero();
        assertThat(settings.maxAttempts()).isEqualTo(3);
        assertThat(settings.shareResults()).isFalse();
        assertThat(settings.jsonMode()).isTrue();
    }

    @Test
    void environmentNamesModelServerKeySharingTimeoutAndAttempts()
    {
        LlmSettings settings = LlmSettings.fromEnvironment(Map.of("AURUM_LLM_MODEL", "qwen2.5-coder:7b", "AURUM_LLM_BASE_URL", "http://localhost:11434/v1",
                "AURUM_LLM_API_KEY", "k1", "OPENAI_API_KEY", "k2", "AURUM_LLM_SHARE_RESULTS", "true", "AURUM_LLM_TIMEOUT_SECONDS", "90",
                "AURUM_LLM_MAX_ATTEMPTS", "5", "AURUM_LLM_JSON_MODE", "false")).build();

        assertThat(settings.model()).contains("qwen2.5-coder:7b");
        assertThat(settings.baseUrl()).isEqualTo("http://localhost:11434/v1");
        assertThat(settings.apiKey()).isEqualTo("k1");
        assertThat(settings.shareResults()).isTrue();
        assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(settings.maxAttempts()).isEqualTo(5);
        assertThat(settings.jsonMode()).isFalse();
    }

    @Test
    void anOpenAiKeyAloneDoesNotTurnTheRouteOn()
    {
        LlmSettings settings = LlmSettings.fromEnvironment(Map.of("OPENAI_API_KEY", "sk-x")).build();

        assertThat(settings.apiKey()).isEqualTo("sk-x");
        assertThat(settings.enabled()).isFalse();
        assertThat(LlmSettings.fromEnvironment(Map.of("AURUM_LLM_MODEL", "  ")).build().enabled()).isFalse();
    }

    @Test
    void badValuesAreBadInputWithTheVariableName()
    {
        assertThatThrownBy(() -> LlmSettings.fromEnvironment(Map.of("AURUM_LLM_SHARE_RESULTS", "maybe"))).isInstanceOf(AurumException.class)
                .hasMessageContaining("AURUM_LLM_SHARE_RESULTS must be true or false");
        assertThatThrownBy(() -> LlmSettings.fromEnvironment(Map.of("AURUM_LLM_TIMEOUT_SECONDS", "soon"))).isInstanceOf(AurumException.class)
                .hasMessageContaining("AURUM_LLM_TIMEOUT_SECONDS must be a whole number");
        assertThatThrownBy(() -> LlmSettings.builder().maxAttempts(0).build()).isInstanceOf(AurumException.class).hasMessageContaining("--max-attempts must be at least 1");
    }
}
