package org.miri.pixeldb.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.miri.pixeldb.platform.db.DatabaseLogin;
import org.miri.pixeldb.platform.db.DatabaseSetupStep;
import org.miri.pixeldb.platform.kafka.Topic;

/**
 * The compose file checked without a Docker engine: it interpolates, every image it builds has its
 * Dockerfile, MinIO notifies the topic the splitter reads, the writers can be scaled, and the README
 * and .env.example document every variable it reads.
 */
class ComposeFileTest {

    /** The scale the README shows: `--scale ramp-writer=3 --scale corrected-writer=2`. */
    private static final Map<String, Integer> DOCUMENTED_SCALE = Map.of("ramp-writer", 3, "corrected-writer", 2);
    private static final Map<String, List<Topic>> CONSUMED = Map.of(
            "ramp-writer", List.of(Topic.EXPOSURES, Topic.RAW_RAMPS, Topic.MANIFESTS),
            "corrected-writer", List.of(Topic.EXPOSURES, Topic.CORRECTED_RAMPS, Topic.SLOPES));
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)");
    /** ComposeFile's test secrets and those of the export user (issue 16), which the file requires as well. */
    static final Map<String, String> SECRETS = secrets();
    /** The services built from this checkout: ComposeFile's four and the exporter (issue 16). */
    static final List<String> SERVICES = services();

    private static Map<String, String> secrets() {
        Map<String, String> secrets = new HashMap<>(ComposeFile.TEST_SECRETS);
        secrets.putIfAbsent("PIXELDB_EXPORT_ACCESS_KEY", "compose-test-export");
        secrets.putIfAbsent("PIXELDB_EXPORT_SECRET_KEY", "compose-test-export-secret");
        return Map.copyOf(secrets);
    }

    private static List<String> services() {
        List<String> services = new ArrayList<>(ComposeFile.SERVICES);
        if (!services.contains("exporter")) {
            services.add("exporter");
        }
        return List.copyOf(services);
    }

    static List<String> compose;
    static ComposeFile file;

    @BeforeAll
    static void read() throws Exception {
        compose = ComposeFile.command().orElse(null);
        if (compose != null) {
            file = ComposeFile.read(compose, SECRETS);
        } else {
            // Surefire shows a skip but not its reason; the log should say why.
            System.out.println("ComposeFileTest: " + ComposeFile.absentMessage());
        }
    }

    private static void assumeCompose() {
        assumeTrue(compose != null, ComposeFile.absentMessage());
    }

    @Test
    void withoutTheSecretsComposeRefusesAndSaysWhereTheyAreDocumented() throws Exception {
        assumeCompose();
        for (String secret : SECRETS.keySet()) {
            Map<String, String> missingOne = new HashMap<>(SECRETS);
            missingOne.remove(secret);
            ComposeFile.Result result = ComposeFile.config(compose, missingOne);
            assertNotEquals(0, result.exitCode(), "compose accepted the file without " + secret);
            assertTrue(result.errors().contains(secret) && result.errors().contains(".env.example"), result.errors());
        }
    }

    @Test
    void everyServiceBuiltFromTheCheckoutHasItsDockerfile() throws Exception {
        assumeCompose();
        int built = 0;
        for (String name : file.serviceNames()) {
            JsonNode build = file.service(name).path("build");
            if (build.isMissingNode()) {
                continue;
            }
            Path context = Path.of(build.isTextual() ? build.asText() : build.path("context").asText());
            Path dockerfile = context.resolve(build.path("dockerfile").asText("Dockerfile"));
            assertTrue(Files.isRegularFile(dockerfile), name + ": no Dockerfile at " + dockerfile);
            assertTrue(Files.readString(dockerfile).contains("target/quarkus-app"),
                    name + ": " + dockerfile + " does not package the Maven build");
            built++;
        }
        assertTrue(built >= SERVICES.size(), "only " + built + " services are built from the checkout");
        for (String service : SERVICES) {
            assertEquals(ComposeFile.home().resolve(service).toString(),
                    file.service(service).path("build").path("context").asText(), service + " is built from its module");
        }
    }

    @Test
    void minioNotifiesTheTopicTheSplitterConsumesAndTheSplitterDoesNotPoll() {
        assumeCompose();
        Map<String, String> minio = file.environment("minio");
        assertEquals("on", minio.get("MINIO_NOTIFY_KAFKA_ENABLE_PRIMARY"));
        assertEquals(Topic.BUCKET_EVENTS.topicName(), minio.get("MINIO_NOTIFY_KAFKA_TOPIC_PRIMARY"));
        assertEquals(file.environment("fits-splitter").get("PIXELDB_KAFKA_BOOTSTRAP_SERVERS"),
                minio.get("MINIO_NOTIFY_KAFKA_BROKERS_PRIMARY"), "MinIO publishes to the splitter's Kafka");
        String init = String.join("\n", file.words("minio-init", "command"));
        assertTrue(init.contains("mc event add") && init.contains("arn:minio:sqs::PRIMARY:kafka")
                && init.contains("--event put") && init.contains("--suffix .fits"), init);
        assertEquals(file.environment("fits-splitter").get("PIXELDB_S3_BUCKET"), file.environment("minio-init").get("BUCKET"),
                "the bucket that notifies is the one the splitter reads");
        assertTrue(Duration.parse(file.environment("fits-splitter").get("PIXELDB_SPLITTER_POLL_INTERVAL")).isZero(),
                "with notifications the splitter must not list the bucket as well");
    }

    /** Issue 13, item 15: MinIO was published on every interface over plain HTTP, and uploads used its root. */
    @Test
    void everyPublishedPortIsOnLoopbackByDefaultAndUploadsHaveAPutOnlyUser() {
        assumeCompose();
        int published = 0;
        for (var service : (Iterable<Map.Entry<String, JsonNode>>) file.config.path("services")::fields) {
            for (JsonNode port : service.getValue().path("ports")) {
                String text = port.isTextual() ? port.asText() : port.path("host_ip").asText();
                assertTrue(text.startsWith("127.0.0.1"), service.getKey() + " publishes " + port + " beyond loopback");
                published++;
            }
        }
        assertEquals(3, published, "the API, MinIO's S3 API and PostgreSQL");
        String init = String.join("\n", file.words("minio-init", "command"));
        String uploader = init.substring(init.indexOf("uploader-policy.json <<EOF"), init.indexOf("mc admin policy create"
                + " pixeldb pixeldb-uploader"));
        assertTrue(uploader.contains("\"Action\": [\"s3:PutObject\"]") && !uploader.contains("s3:Get")
                && !uploader.contains("s3:List") && !uploader.contains("s3:Delete") && !uploader.contains("s3:*"),
                uploader);
        // Compose v1 prints the file's $$ escapes as they are, v2 unescapes them.
        assertTrue(init.replace("$$", "$").contains("mc admin policy attach pixeldb pixeldb-uploader --user "
                + "\"$UPLOADER_ACCESS_KEY\""), init);
    }

    /**
     * Issue 16: the exporter and query-api share the export user, allowed to put, get and delete under exports/ and
     * nothing else; the splitter keeps its read-only user; the exporter scales (no host port, no fixed name).
     */
    @Test
    void exportFilesHaveTheirOwnUserConfinedToExportsAndTheExporterScales() {
        assumeCompose();
        String init = String.join("\n", file.words("minio-init", "command"));
        String export = init.substring(init.indexOf("export-policy.json <<EOF"),
                init.indexOf("mc admin policy create pixeldb pixeldb-export"));
        assertTrue(export.contains("\"Action\": [\"s3:PutObject\", \"s3:GetObject\", \"s3:DeleteObject\"]"), export);
        assertTrue(export.replace("$$", "$").contains("\"Resource\": [\"arn:aws:s3:::$BUCKET/exports/*\"]"), export);
        assertEquals(1, export.split("\"Effect\"", -1).length - 1, "one statement only: " + export);
        assertFalse(export.contains("s3:List") || export.contains("s3:*") || export.contains("$BUCKET\"")
                || export.contains("$$BUCKET\"") || export.contains("$BUCKET/*") || export.contains("$$BUCKET/*"), export);
        assertTrue(init.replace("$$", "$").contains("mc admin policy attach pixeldb pixeldb-export --user "
                + "\"$EXPORT_ACCESS_KEY\""), init);
        Map<String, String> minioInit = file.environment("minio-init");
        assertEquals(SECRETS.get("PIXELDB_EXPORT_ACCESS_KEY"), minioInit.get("EXPORT_ACCESS_KEY"));
        assertEquals(SECRETS.get("PIXELDB_EXPORT_SECRET_KEY"), minioInit.get("EXPORT_SECRET_KEY"));
        Map<String, String> splitter = file.environment("fits-splitter");
        for (String service : List.of("exporter", "query-api")) {
            Map<String, String> env = file.environment(service);
            assertEquals(minioInit.get("EXPORT_ACCESS_KEY"), env.get("PIXELDB_S3_ACCESS_KEY"), service);
            assertEquals(minioInit.get("EXPORT_SECRET_KEY"), env.get("PIXELDB_S3_SECRET_KEY"), service);
            for (String same : List.of("PIXELDB_S3_ENDPOINT", "PIXELDB_S3_REGION", "PIXELDB_S3_BUCKET")) {
                assertEquals(splitter.get(same), env.get(same), service + " " + same);
            }
            assertFalse(env.containsKey("PIXELDB_SPLITTER_POLL_INTERVAL"), service);
        }
        assertEquals(SECRETS.get("PIXELDB_S3_ACCESS_KEY"), splitter.get("PIXELDB_S3_ACCESS_KEY"));
        JsonNode exporter = file.service("exporter");
        assertTrue(exporter.path("ports").isMissingNode() || exporter.path("ports").isEmpty(),
                "the exporter publishes a host port: a second instance could not start");
        assertTrue(exporter.path("container_name").isMissingNode(), "the exporter has a fixed container name");
        assertEquals(ComposeFile.home().resolve("exporter").toString(), exporter.path("build").path("context").asText());
        assertTrue(exporter.path("image").asText().startsWith("pixeldb/exporter:"), exporter.path("image").asText());
    }

    @Test
    void theWritersScaleTheReadmeWayAndTheirTopicsHaveAPartitionForEveryInstance() {
        assumeCompose();
        int rampPartitions = Integer.parseInt(file.environment("topics").get("PIXELDB_RAMP_PARTITIONS"));
        for (var scaled : DOCUMENTED_SCALE.entrySet()) {
            JsonNode writer = file.service(scaled.getKey());
            assertTrue(writer.path("ports").isMissingNode() || writer.path("ports").isEmpty(),
                    scaled.getKey() + " publishes a host port: a second instance could not start");
            assertTrue(writer.path("container_name").isMissingNode(), scaled.getKey() + " has a fixed container name");
            for (Topic topic : CONSUMED.get(scaled.getKey())) {
                int partitions = topic == Topic.RAW_RAMPS || topic == Topic.CORRECTED_RAMPS
                        ? rampPartitions : topic.defaultPartitions();
                assertTrue(partitions >= scaled.getValue(), topic.topicName() + " has " + partitions
                        + " partitions: some of " + scaled.getValue() + " " + scaled.getKey() + " instances would idle");
            }
        }
    }

    @Test
    void everyServiceHasAReadinessCheckAndWaitsForWhatItNeeds() {
        assumeCompose();
        for (String service : SERVICES) {
            JsonNode node = file.service(service);
            assertTrue(String.join(" ", ComposeFile.wordsOf(node.path("healthcheck").path("test"))).contains("/q/health/ready"),
                    service + " has no readiness health check");
            JsonNode dependsOn = node.path("depends_on");
            assertEquals("service_completed_successfully", dependsOn.path("topics").path("condition").asText(),
                    service + " must start after the topics exist");
        }
        assertEquals("service_completed_successfully",
                file.service("fits-splitter").path("depends_on").path("minio-init").path("condition").asText(),
                "the splitter starts once the bucket notifies");
        for (String service : List.of("exporter", "query-api")) {
            assertEquals("service_completed_successfully",
                    file.service(service).path("depends_on").path("minio-init").path("condition").asText(),
                    service + " must start after its MinIO user exists");
        }
        for (String service : List.of("ramp-writer", "corrected-writer", "query-api", "exporter")) {
            assertEquals("service_healthy", file.service(service).path("depends_on").path("postgres").path("condition").asText(),
                    service + " must wait for PostgreSQL");
            assertEquals("service_completed_successfully",
                    file.service(service).path("depends_on").path("db-setup").path("condition").asText(),
                    service + " must start after the schema and its login exist");
        }
    }

    /** Issue 13, item 9: every service connected as the image's superuser. */
    @Test
    void servicesConnectAsTheirOwnLoginsNeverAsTheSuperuser() {
        assumeCompose();
        String superuser = file.environment("postgres").get("POSTGRES_USER");
        assertEquals(superuser, file.environment("db-setup").get(DatabaseSetupStep.SUPERUSER));
        assertEquals(file.environment("postgres").get("POSTGRES_PASSWORD"),
                file.environment("db-setup").get(DatabaseSetupStep.SUPERUSER_PASSWORD));
        Map<String, DatabaseLogin> expected = Map.of(
                "ramp-writer/QUARKUS_DATASOURCE", DatabaseLogin.LOADER,
                "corrected-writer/QUARKUS_DATASOURCE", DatabaseLogin.LOADER,
                "query-api/QUARKUS_DATASOURCE", DatabaseLogin.API,
                "exporter/QUARKUS_DATASOURCE", DatabaseLogin.API,
                "query-api/QUARKUS_DATASOURCE_WRITE", DatabaseLogin.API_WRITER);
        expected.forEach((where, login) -> {
            String service = where.substring(0, where.indexOf('/'));
            String prefix = where.substring(where.indexOf('/') + 1);
            Map<String, String> env = file.environment(service);
            assertEquals(login.user(), env.get(prefix + "_USERNAME"), where);
            assertNotEquals(superuser, env.get(prefix + "_USERNAME"), where);
            // The password the service is given is the one db-setup sets for that login.
            assertEquals(file.environment("db-setup").get(DatabaseSetupStep.LOGIN_PASSWORDS.get(login)),
                    env.get(prefix + "_PASSWORD"), where);
        });
        assertFalse(file.environment("fits-splitter").keySet().stream().anyMatch(k -> k.contains("DATASOURCE")),
                "the splitter needs no database");
    }

    @Test
    void theDatabaseStepRunsFromTheApiImage() {
        assumeCompose();
        assertEquals(file.service("query-api").path("image").asText(), file.service("db-setup").path("image").asText());
        List<String> entrypoint = file.words("db-setup", "entrypoint");
        assertEquals(DatabaseSetupStep.class.getName(), entrypoint.get(entrypoint.size() - 1));
    }

    @Test
    void theProvisioningStepRunsTheCatalogueFromTheSplitterImage() {
        assumeCompose();
        assertEquals(file.service("fits-splitter").path("image").asText(), file.service("topics").path("image").asText());
        List<String> entrypoint = file.words("topics", "entrypoint");
        assertEquals("org.miri.pixeldb.platform.kafka.TopicProvisioning", entrypoint.get(entrypoint.size() - 1));
    }

    /** Needs no Compose: the raw file's `${VAR...}` references against the two documents that explain them. */
    @Test
    void theReadmeAndEnvExampleDocumentEveryVariableTheFileReads() throws Exception {
        // Comments explain the syntax with placeholders; only the lines Compose reads count.
        String raw = String.join("\n", Files.readAllLines(ComposeFile.path()).stream()
                .filter(line -> !line.trim().startsWith("#")).toList());
        String readme = Files.readString(ComposeFile.home().resolve("README.md"));
        String deploy = readme.substring(readme.indexOf("## Deploy"), readme.indexOf("## Configure"));
        String example = Files.readString(ComposeFile.home().resolve(".env.example"));
        Set<String> variables = new TreeSet<>();
        Matcher m = VARIABLE.matcher(raw);
        while (m.find()) {
            variables.add(m.group(1));
        }
        assertFalse(variables.isEmpty());
        for (String variable : variables) {
            assertTrue(deploy.contains("`" + variable + "`"), "README.md, Deploy, does not document " + variable);
            assertTrue(example.contains(variable + "="), ".env.example does not list " + variable);
        }
        assertTrue(Files.readAllLines(ComposeFile.home().resolve(".gitignore")).contains(".env"),
                "the real .env holds secrets: it must stay git-ignored");
    }
}
