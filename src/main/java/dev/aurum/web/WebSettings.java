package dev.aurum.web;

import dev.aurum.AurumException;
import dev.aurum.ErrorCode;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Where the web app listens and how it protects itself. A non-loopback host requires a token (README "The web app":
 * listen on loopback unless told otherwise, and then only with authentication).
 *
 * @param port 0 picks a free port (tests)
 * @param token when present every API request must carry it ({@code Authorization: Bearer TOKEN} or the login cookie)
 * @param maxBodyBytes larger request bodies are refused with 413
 * @param threads request threads: the number of requests answered side by side
 */
public record WebSettings(String host, int port, Optional<String> token, int maxBodyBytes, int threads)
{
    public static final int DEFAULT_MAX_BODY_BYTES = 64 * 1024;
    public static final int DEFAULT_THREADS = 32;

    public WebSettings
    {
        requireNonNull(host, "host is null");
        requireNonNull(token, "token is null");
        token = token.filter(value -> !value.isBlank());
        if (port < 0 || port > 65535) {
            throw new AurumException(ErrorCode.BAD_INPUT, "--port must be between 0 and 65535, not " + port + ".");
        }
        if (maxBodyBytes <= 0 || threads <= 0) {
            throw new IllegalArgumentException("maxBodyBytes and threads must be positive");
        }
        if (token.isEmpty() && !isLoopback(host)) {
            throw new AurumException(ErrorCode.BAD_INPUT, "Refusing to serve on " + host + " without a token: anyone who can reach it could query the lakehouse. "
                    + "Set AURUM_WEB_TOKEN to a long random secret (for example: export AURUM_WEB_TOKEN=$(openssl rand -hex 24)), or listen on 127.0.0.1.");
        }
        if (token.isPresent() && token.get().length() < 16) {
            throw new AurumException(ErrorCode.BAD_INPUT, "AURUM_WEB_TOKEN is too short to protect anything; use at least 16 characters (for example: openssl rand -hex 24).");
        }
    }

    public static WebSettings of(String host, int port, Optional<String> token)
    {
        return new WebSettings(host, port, token, DEFAULT_MAX_BODY_BYTES, DEFAULT_THREADS);
    }

    /** True for 127.0.0.0/8, ::1 and {@code localhost}; a name is resolved to decide. */
    public static boolean isLoopback(String host)
    {
        try {
            for (InetAddress address : InetAddress.getAllByName(host)) {
                if (!address.isLoopbackAddress()) {
                    return false;
                }
            }
            return true;
        }
        catch (UnknownHostException e) {
            throw new AurumException(ErrorCode.BAD_INPUT, "Cannot resolve --host " + host + "; use an address such as 127.0.0.1 or 0.0.0.0.");
        }
    }
}
