package org.miri.pixeldb.api.export;

import java.time.Instant;
import java.util.List;

/**
 * An export job as the API shows it: its state, derived from its parts (QUEUED until an exporter takes one, RUNNING,
 * DONE when every part's file is in the bucket, FAILED with the first failure's reason, CANCELLED), its progress
 * and, as parts finish, its files.
 */
public record ExportJob(String id, State state, String reason, Instant createdAt, Instant finishedAt, int exposures,
        List<String> products, int parts, int partsDone, long pricedRows, long pricedBytes, long rowsDone,
        long bytesDone, List<ExportFile> files, List<ExportPlan.Skipped> skipped, String url) {

    /** One finished part: a Parquet file, downloaded from {@code url} (relative to the API) with the same token. */
    public record ExportFile(String name, String exposure, String product, long rows, long bytes, String url) {
    }

    public enum State {
        QUEUED, RUNNING, DONE, FAILED, CANCELLED;

        /** Whether nothing more will happen to the job: DELETE then removes it instead of cancelling it. */
        public boolean finished() {
            return this != QUEUED && this != RUNNING;
        }
    }
}
