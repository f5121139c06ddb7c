package org.miri.pixeldb.stack.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The query API's export endpoints, on the JDK's HTTP client: create a job, read it, cancel it, download its files.
 * Every request carries the bearer token, and only to the API's own origin.
 */
public final class ExportApi {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]+");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    private final String token;

    /**
     * @param api   the API's base URL, e.g. {@code http://127.0.0.1:18080}
     * @param token the bearer token (admin or export role); null sends none
     */
    public ExportApi(String api, String token) {
        this.base = base(api);
        this.token = token;
    }

    /** The base URL without a trailing slash; it must be http or https with a host. */
    static URI base(String api) {
        URI uri = URI.create(api.replaceAll("/+$", ""));
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new IllegalArgumentException("--api must be an http(s) URL such as http://127.0.0.1:18080, not " + api);
        }
        return uri;
    }

    public String api() {
        return base.toString();
    }

    /** {@code POST /api/v1/exports}: 202 with the new job. */
    public ExportJob create(String body) throws ExportApiException, InterruptedException {
        HttpRequest request = request("/api/v1/exports").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        return job(send(request), 200, 201, 202);
    }

    /** {@code GET /api/v1/exports/{id}}. */
    public ExportJob get(String id) throws ExportApiException, InterruptedException {
        return job(send(request(jobPath(id)).GET().build()), 200);
    }

    /**
     * {@code DELETE /api/v1/exports/{id}}: a queued or running job is cancelled (its state then), a finished one
     * removed with its files (empty).
     */
    public Optional<ExportJob> delete(String id) throws ExportApiException, InterruptedException {
        HttpResponse<String> response = send(request(jobPath(id)).DELETE().build());
        return response.statusCode() == 204 ? Optional.empty() : Optional.of(job(response, 200));
    }

    /**
     * Downloads a file into the folder atomically: written under a temporary name there, renamed once complete, so
     * that a file of its final name is always whole.
     *
     * @param whileWriting told the temporary file while it is written (to delete it on Ctrl-C), then null
     * @return the bytes written
     */
    public long download(ExportJob.ExportFile file, Path folder, Consumer<Path> whileWriting)
            throws ExportApiException, InterruptedException, IOException {
        Path target = target(folder, file.name());
        HttpRequest request = authorized(HttpRequest.newBuilder(fileUri(file.url()))).GET().build();
        HttpResponse<InputStream> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw unreachable(e);
        }
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                String text = new String(body.readNBytes(64 * 1024), StandardCharsets.UTF_8);
                throw new ExportApiException(response.statusCode(), file.name() + ": " + message(response.statusCode(), text));
            }
            Path temp = Files.createTempFile(folder, "." + file.name() + ".", ".part");
            whileWriting.accept(temp);
            try {
                long bytes = Files.copy(body, temp, StandardCopyOption.REPLACE_EXISTING);
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                return bytes;
            } finally {
                Files.deleteIfExists(temp);
                whileWriting.accept(null);
            }
        }
    }

    /** Where a file of the job goes: a plain name in the folder, never a path out of it. */
    static Path target(Path folder, String name) {
        if (name == null || name.isEmpty() || name.startsWith(".") || name.contains("/") || name.contains("\\")) {
            throw new IllegalArgumentException("the API lists a file named '" + name + "': refusing to write it");
        }
        return folder.resolve(name);
    }

    /** A file's URL, relative to the API's base; an absolute one only on the API's own origin (it gets the token). */
    URI fileUri(String url) {
        if (url == null || url.isEmpty()) {
            throw new IllegalArgumentException("the API lists a file without url");
        }
        URI resolved = base.resolve(url);
        if (!sameOrigin(resolved, base)) {
            throw new IllegalArgumentException("the API lists a file at " + url + ", not on " + base
                    + ": refusing to send the token there");
        }
        return resolved;
    }

    private static boolean sameOrigin(URI a, URI b) {
        return a.getScheme().equals(b.getScheme()) && a.getHost().equalsIgnoreCase(b.getHost()) && a.getPort() == b.getPort();
    }

    private static String jobPath(String id) {
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("'" + id + "' is no export id");
        }
        return "/api/v1/exports/" + id;
    }

    private HttpRequest.Builder request(String path) {
        return authorized(HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT)
                .header("Accept", "application/json"));
    }

    private HttpRequest.Builder authorized(HttpRequest.Builder builder) {
        return token == null || token.isEmpty() ? builder : builder.header("Authorization", "Bearer " + token);
    }

    private HttpResponse<String> send(HttpRequest request) throws ExportApiException, InterruptedException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw unreachable(e);
        }
    }

    private ExportApiException unreachable(IOException e) {
        return new ExportApiException("the API at " + base + " did not answer: " + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : " " + e.getMessage()), e);
    }

    private static ExportJob job(HttpResponse<String> response, int... expected) throws ExportApiException {
        int status = response.statusCode();
        for (int ok : expected) {
            if (status == ok) {
                try {
                    return ExportJob.parse(JSON.readTree(response.body()));
                } catch (IOException | IllegalArgumentException e) {
                    throw new ExportApiException(status, "HTTP " + status + " but no export job in the answer: "
                            + e.getMessage());
                }
            }
        }
        throw new ExportApiException(status, message(status, response.body()));
    }

    /**
     * The API's error in words: {@code HTTP 400 Bad Request, parameter rows: ...} from its JSON error
     * ({@code status}, {@code error}, {@code parameter}, {@code message}), or the body's start when it is no such JSON.
     */
    static String message(int status, String body) {
        String text = body == null ? "" : body.strip();
        try {
            JsonNode error = JSON.readTree(text);
            if (error != null && error.isObject() && error.hasNonNull("message")) {
                StringBuilder message = new StringBuilder("HTTP ").append(status);
                if (error.hasNonNull("error")) {
                    message.append(' ').append(error.get("error").asText());
                }
                if (error.hasNonNull("parameter")) {
                    message.append(", parameter ").append(error.get("parameter").asText());
                }
                return message.append(": ").append(error.get("message").asText()).toString();
            }
        } catch (IOException e) {
            // not JSON: the text itself
        }
        String start = text.length() > 300 ? text.substring(0, 300) + "..." : text;
        return "HTTP " + status + (start.isEmpty() ? "" : ": " + start.replaceAll("\\s+", " "));
    }
}
