package org.miri.pixeldb.stack.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ExportJobTest {

    /** The contract's example. */
    static final String RUNNING = "{\"id\": \"5f0c2a3e-1111-4222-8333-944455556666\", \"state\": \"RUNNING\", "
            + "\"reason\": null, \"createdAt\": \"2026-12-04T18:00:00Z\", \"finishedAt\": null, \"exposures\": 1, "
            + "\"products\": [\"RAW\"], \"parts\": 8, \"partsDone\": 3, \"pricedRows\": 5283840, "
            + "\"pricedBytes\": 211353600, \"rowsDone\": 1981440, \"bytesDone\": 70000000, \"files\": [{\"name\": "
            + "\"NAME_RAW_r0001-0128.parquet\", \"exposure\": \"NAME\", \"product\": \"RAW\", \"rows\": 660480, "
            + "\"bytes\": 21000000, \"url\": \"/api/v1/exports/5f0c2a3e-1111-4222-8333-944455556666/files/"
            + "NAME_RAW_r0001-0128.parquet\"}]}";

    private static ExportJob parse(String json) throws Exception {
        return ExportJob.parse(new ObjectMapper().readTree(json));
    }

    @Test
    void theContractsJobParsesIntoItsProgress() throws Exception {
        ExportJob job = parse(RUNNING);
        assertEquals(ExportJob.State.RUNNING, job.state());
        assertFalse(job.state().finished());
        assertNull(job.reason());
        assertNull(job.finishedAt());
        assertEquals(8, job.parts());
        assertEquals(3, job.partsDone());
        assertEquals(211353600, job.pricedBytes());
        assertEquals("RUNNING 3/8 parts, 1.98M/5.28M rows", job.progress());
        ExportJob.ExportFile file = job.files().get(0);
        assertEquals("NAME_RAW_r0001-0128.parquet", file.name());
        assertEquals(660480, file.rows());
        assertEquals(21000000, file.bytes());
        assertTrue(file.url().startsWith("/api/v1/exports/"));
        assertEquals(660480, job.fileRows());
    }

    @Test
    void finishedStatesAndTheirReason() throws Exception {
        ExportJob failed = parse("{\"id\":\"x\",\"state\":\"FAILED\",\"reason\":\"S3 down\",\"parts\":2,\"partsDone\":1}");
        assertTrue(failed.state().finished());
        assertEquals("S3 down", failed.reason());
        assertEquals("FAILED 1/2 parts, 0/0 rows", failed.progress());
        assertTrue(parse("{\"id\":\"x\",\"state\":\"CANCELLED\"}").state().finished());
        assertTrue(parse("{\"id\":\"x\",\"state\":\"DONE\",\"files\":[]}").files().isEmpty());
    }

    @Test
    void anAnswerThatIsNoJobIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> parse("{\"status\":400,\"message\":\"no\"}"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> parse("{\"id\":\"x\",\"state\":\"PAUSED\"}"));
        assertTrue(e.getMessage().contains("PAUSED"), e.getMessage());
    }

    @Test
    void apiErrorsAreShownInWordsAndFilesStayInTheirFolderAndOnTheApisOrigin() {
        assertEquals("HTTP 413 Payload Too Large, parameter products: the export would be 3 GB, above the limit",
                ExportApi.message(413, "{\"status\":413,\"error\":\"Payload Too Large\",\"parameter\":\"products\","
                        + "\"message\":\"the export would be 3 GB, above the limit\"}"));
        assertEquals("HTTP 401 Unauthorized: no token", ExportApi.message(401, "{\"error\":\"Unauthorized\",\"message\":\"no token\"}"));
        assertEquals("HTTP 502: <html> bad gateway </html>", ExportApi.message(502, "<html>\n bad gateway\n</html>"));
        assertEquals("HTTP 403", ExportApi.message(403, ""));

        Path folder = Path.of("/tmp/out");
        assertEquals(folder.resolve("A_RAW.parquet"), ExportApi.target(folder, "A_RAW.parquet"));
        for (String bad : new String[] {"../x.parquet", "a/b.parquet", ".hidden", "", null}) {
            assertThrows(IllegalArgumentException.class, () -> ExportApi.target(folder, bad), String.valueOf(bad));
        }
        ExportApi api = new ExportApi("http://127.0.0.1:18080/", "t");
        assertEquals("http://127.0.0.1:18080", api.api());
        assertEquals("http://127.0.0.1:18080/api/v1/exports/x/files/a.parquet",
                api.fileUri("/api/v1/exports/x/files/a.parquet").toString());
        assertThrows(IllegalArgumentException.class, () -> api.fileUri("http://elsewhere:80/a.parquet"));
        assertThrows(IllegalArgumentException.class, () -> new ExportApi("127.0.0.1:18080", "t"));
    }
}
