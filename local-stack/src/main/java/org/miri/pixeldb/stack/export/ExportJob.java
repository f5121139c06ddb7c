package org.miri.pixeldb.stack.export;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An export job as {@code GET /api/v1/exports/{id}} (and the answer to its POST) describes it.
 *
 * @param files the finished parts' files so far; all of them once DONE
 */
public record ExportJob(String id, State state, String reason, String createdAt, String finishedAt, int exposures,
                        List<String> products, int parts, int partsDone, long pricedRows, long pricedBytes,
                        long rowsDone, long bytesDone, List<ExportFile> files) {

    public enum State {
        QUEUED, RUNNING, DONE, FAILED, CANCELLED;

        public boolean finished() {
            return this == DONE || this == FAILED || this == CANCELLED;
        }
    }

    /** @param url relative to the API's base URL, e.g. {@code /api/v1/exports/{id}/files/NAME_RAW_r0001-0128.parquet} */
    public record ExportFile(String name, String exposure, String product, long rows, long bytes, String url) {
    }

    /** @throws IllegalArgumentException when the JSON is no export job (no id, or a state this client does not know) */
    public static ExportJob parse(JsonNode job) {
        String id = text(job, "id");
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("the API's answer is no export job (no id): " + job);
        }
        String state = text(job, "state");
        State parsed;
        try {
            parsed = State.valueOf(state == null ? "" : state.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("export " + id + " is in a state this client does not know: " + state);
        }
        List<String> products = new ArrayList<>();
        job.path("products").forEach(p -> products.add(p.asText()));
        List<ExportFile> files = new ArrayList<>();
        for (JsonNode file : job.path("files")) {
            files.add(new ExportFile(text(file, "name"), text(file, "exposure"), text(file, "product"),
                    file.path("rows").asLong(), file.path("bytes").asLong(), text(file, "url")));
        }
        return new ExportJob(id, parsed, text(job, "reason"), text(job, "createdAt"), text(job, "finishedAt"),
                job.path("exposures").asInt(), List.copyOf(products), job.path("parts").asInt(),
                job.path("partsDone").asInt(), job.path("pricedRows").asLong(), job.path("pricedBytes").asLong(),
                job.path("rowsDone").asLong(), job.path("bytesDone").asLong(), List.copyOf(files));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? null : value.asText();
    }

    /** For the progress bar: the state, parts done of parts and rows done of the priced rows. */
    public String progress() {
        return String.format(Locale.ROOT, "%s %d/%d parts, %s/%s rows", state, partsDone, parts, count(rowsDone),
                count(pricedRows));
    }

    /** The files' rows, in all. */
    public long fileRows() {
        return files.stream().mapToLong(ExportFile::rows).sum();
    }

    /** A count short enough for a progress line: 660480, 1.98M, 2.11G. */
    static String count(long n) {
        if (n < 1_000_000) {
            return Long.toString(n);
        }
        return n < 1_000_000_000 ? String.format(Locale.ROOT, "%.2fM", n / 1e6) : String.format(Locale.ROOT, "%.2fG", n / 1e9);
    }
}
