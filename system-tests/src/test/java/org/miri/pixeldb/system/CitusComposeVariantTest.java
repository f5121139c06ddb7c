package org.miri.pixeldb.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.miri.pixeldb.platform.db.DatabaseLogin;
import org.miri.pixeldb.system.CitusPlacement.Kind;
import org.miri.pixeldb.system.CitusPlacement.Line;
import org.miri.pixeldb.system.MigrationSchema.Table;

/**
 * The Citus variant of the deployment (decision 0020) checked without a Docker engine: docker-compose.citus.yml merged
 * over docker-compose.yml interpolates with the test secrets and puts a coordinator in the single server's place with
 * two workers behind it; and deploy/citus/distribute.sql places every table and function the migrations make, within
 * Citus's rules, so that a migration cannot add a table the cluster would forget.
 */
class CitusComposeVariantTest {

    /** The coordinator keeps the single server's service name: every JDBC URL stays as it is. */
    private static final String COORDINATOR = "postgres";
    private static final List<String> WORKERS = List.of("postgres-worker-1", "postgres-worker-2");
    private static final String SETUP = "citus-setup";
    private static final String CITUS_NETWORK = "citus";
    private static final List<String> DATABASE_SERVICES =
            List.of("ramp-writer", "corrected-writer", "query-api", "exporter");
    private static final Pattern PINNED_CITUS = Pattern.compile("citusdata/citus:\\d+\\.\\d+\\.\\d+");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)");

    static List<String> compose;
    static ComposeFile merged;

    static Path variant() {
        return ComposeFile.home().resolve("docker-compose.citus.yml");
    }

    @BeforeAll
    static void read() throws Exception {
        compose = ComposeFile.command().orElse(null);
        if (compose != null) {
            merged = ComposeFile.read(compose, ComposeFileTest.SECRETS, List.of(ComposeFile.path(), variant()));
        } else {
            System.out.println("CitusComposeVariantTest: " + ComposeFile.absentMessage());
        }
    }

    private static void assumeCompose() {
        assumeTrue(compose != null, ComposeFile.absentMessage());
    }

    @Test
    void theMergedFileRunsACoordinatorInTheServersPlaceAndTwoWorkersOnANetworkOfTheirOwn() {
        assumeCompose();
        String image = merged.service(COORDINATOR).path("image").asText();
        assertTrue(PINNED_CITUS.matcher(image).matches(), "the coordinator runs " + image + ", not a pinned Citus release");
        Set<String> onCitusNetwork = new TreeSet<>();
        for (String service : merged.serviceNames()) {
            if (networks(service).contains(CITUS_NETWORK)) {
                onCitusNetwork.add(service);
            }
        }
        Set<String> nodes = new TreeSet<>(WORKERS);
        nodes.add(COORDINATOR);
        assertEquals(nodes, onCitusNetwork, "the workers trust their network: only the nodes may be on it");
        assertTrue(merged.config.path("networks").path(CITUS_NETWORK).path("internal").asBoolean(),
                "the nodes' network must not reach beyond them");
        assertTrue(networks(COORDINATOR).contains("default"), "the services reach the coordinator on the default network");

        Map<String, String> coordinator = merged.environment(COORDINATOR);
        assertFalse(merged.service(COORDINATOR).path("ports").isEmpty(),
                "psql on the Docker host still reaches the coordinator");
        assertTrue(volumes(COORDINATOR).contains("postgres-data"), "the coordinator keeps the single server's volume");
        assertNotEquals("trust", coordinator.getOrDefault("POSTGRES_HOST_AUTH_METHOD", ""),
                "the services' network is not trusted");
        Set<String> volumes = new LinkedHashSet<>();
        for (String worker : WORKERS) {
            JsonNode node = merged.service(worker);
            Map<String, String> env = merged.environment(worker);
            assertEquals(image, node.path("image").asText(), worker + " runs another release than the coordinator");
            assertEquals(Set.of(CITUS_NETWORK), networks(worker), worker + " is reachable beyond the coordinator");
            assertTrue(node.path("ports").isMissingNode() || node.path("ports").isEmpty(),
                    worker + " publishes a host port");
            assertEquals(coordinator.get("POSTGRES_DB"), env.get("POSTGRES_DB"),
                    worker + ": Citus connects to the same database");
            assertEquals(coordinator.get("POSTGRES_USER"), env.get("POSTGRES_USER"), worker);
            assertEquals("trust", env.get("POSTGRES_HOST_AUTH_METHOD"),
                    worker + ": the coordinator connects without passwords");
            assertTrue(volumes.addAll(volumes(worker)) && !volumes(worker).contains("postgres-data"),
                    worker + " needs a data volume of its own");
            assertTrue(String.join(" ", ComposeFile.wordsOf(node.path("healthcheck").path("test"))).contains("pg_isready"), worker);
        }
        for (String node : nodes) {
            String command = String.join(" ", merged.words(node, "command"));
            assertTrue(command.contains("wal_level=logical"), node + ": the rebalancer moves shards by logical replication");
            assertTrue(command.contains("max_prepared_transactions="),
                    node + ": writes on several nodes commit in two phases");
        }
    }

    @Test
    void withoutTheSuperuserPasswordTheVariantRefusesAndSaysWhereItIsDocumented() throws Exception {
        assumeCompose();
        Map<String, String> missing = new HashMap<>(ComposeFileTest.SECRETS);
        missing.remove("PIXELDB_DB_SUPERUSER_PASSWORD");
        ComposeFile.Result result = ComposeFile.config(compose, missing, List.of(ComposeFile.path(), variant()));
        assertNotEquals(0, result.exitCode(), "compose accepted the variant without the superuser's password");
        assertTrue(result.errors().contains("PIXELDB_DB_SUPERUSER_PASSWORD") && result.errors().contains(".env.example"),
                result.errors());
    }

    @Test
    void theServicesConnectToTheCoordinatorOnceTheSetupPlacedTheTables() throws Exception {
        assumeCompose();
        for (String service : DATABASE_SERVICES) {
            assertEquals(COORDINATOR, host(merged.environment(service).get("QUARKUS_DATASOURCE_JDBC_URL")), service);
            assertEquals("service_completed_successfully",
                    merged.service(service).path("depends_on").path(SETUP).path("condition").asText(),
                    service + " would copy into tables before they are distributed");
        }
        assertEquals(COORDINATOR, host(merged.environment("db-setup").get("PIXELDB_JDBC_URL")),
                "migrations run on the coordinator");

        Map<String, String> setup = merged.environment(SETUP);
        Map<String, String> coordinator = merged.environment(COORDINATOR);
        assertEquals(COORDINATOR, setup.get("PGHOST"));
        assertEquals(coordinator.get("POSTGRES_DB"), setup.get("PGDATABASE"));
        assertEquals(coordinator.get("POSTGRES_USER"), setup.get("PGUSER"), "placing tables is the superuser's work");
        assertEquals(coordinator.get("POSTGRES_PASSWORD"), setup.get("PGPASSWORD"));
        JsonNode dependsOn = merged.service(SETUP).path("depends_on");
        assertEquals("service_completed_successfully", dependsOn.path("db-setup").path("condition").asText(),
                "the tables are placed after the migrations made them");
        for (String worker : WORKERS) {
            assertEquals("service_healthy", dependsOn.path(worker).path("condition").asText(),
                    SETUP + " registers " + worker);
        }
        List<String> command = merged.words(SETUP, "command");
        assertTrue(command.contains("--set=workers=" + String.join(" ", WORKERS)),
                "the setup registers exactly the workers: " + command);
        assertTrue(command.contains("--set=coordinator=" + COORDINATOR), command.toString());
        assertTrue(command.contains("--set=ON_ERROR_STOP=1"), "a failed step must fail the setup: " + command);
        String script = command.stream().filter(word -> word.startsWith("--file=")).findFirst().orElseThrow()
                .substring("--file=".length());
        boolean mounted = false;
        for (JsonNode volume : merged.service(SETUP).path("volumes")) {
            String[] parts = volume.isTextual() ? volume.asText().split(":") : new String[] {
                    volume.path("source").asText(), volume.path("target").asText()};
            if (script.startsWith(parts[1] + "/")) {
                Path onHost = Path.of(parts[0]).resolve(script.substring(parts[1].length() + 1));
                assertTrue(Files.isSameFile(CitusPlacement.path(), onHost), script + " is not deploy/citus/distribute.sql");
                mounted = true;
            }
        }
        assertTrue(mounted, script + " is mounted from nowhere");
    }

    @Test
    void everyTableOfTheMigrationsIsPlacedOnceAndNoOtherIs() throws Exception {
        MigrationSchema schema = MigrationSchema.read();
        CitusPlacement placement = CitusPlacement.read();
        Set<String> unplaced = new TreeSet<>(schema.tables.keySet());
        unplaced.removeAll(placement.tables.keySet());
        assertEquals(Set.of(), unplaced, "tables of the migrations that deploy/citus/distribute.sql does not place "
                + "(reference, distributed or local: decision 0020 says how to choose)");
        Set<String> unknown = new TreeSet<>(placement.tables.keySet());
        unknown.removeAll(schema.tables.keySet());
        assertEquals(Set.of(), unknown, "distribute.sql places tables no migration makes");
        assertTrue(placement.tables.values().stream().anyMatch(line -> line.kind() == Kind.DISTRIBUTED));
    }

    /** Citus enforces a unique constraint within a shard only, and moves shards by logical replication of the key. */
    @Test
    void distributedTablesHaveTheirDistributionColumnInEveryKeyAndShareTheirAnchorsType() throws Exception {
        MigrationSchema schema = MigrationSchema.read();
        CitusPlacement placement = CitusPlacement.read();
        for (Line line : placement.tables.values()) {
            if (line.kind() != Kind.DISTRIBUTED) {
                continue;
            }
            Table table = schema.tables.get(line.table());
            String column = line.distributionColumn();
            assertTrue(table.columnTypes().containsKey(column), line.table() + " has no column " + column);
            assertTrue(table.primaryKey().contains(column), line.table() + ": primary key " + table.primaryKey()
                    + " without the distribution column " + column);
            for (Set<String> unique : table.uniqueKeys()) {
                assertTrue(unique.contains(column), line.table() + ": unique " + unique + " without " + column);
            }
            assertNotNull(line.colocateWith(), line.table() + " names no colocation group");
            if (!line.colocateWith().equals("none")) {
                Line anchor = placement.line(line.colocateWith());
                assertTrue(anchor != null && anchor.kind() == Kind.DISTRIBUTED && anchor.step() < line.step()
                        && "none".equals(anchor.colocateWith()), line.table() + " colocates with " + line.colocateWith()
                        + ", which is no earlier group's first table");
                assertEquals(schema.tables.get(anchor.table()).columnTypes().get(anchor.distributionColumn()),
                        table.columnTypes().get(column), line.table() + " hashes another type than " + anchor.table());
            }
        }
    }

    /**
     * Citus's foreign keys: between reference tables, from a distributed table to a reference table, from a local table to
     * a reference table; never from a reference table to another kind. The target is placed first.
     */
    @Test
    void foreignKeysGoOnlyWhereCitusAllowsThemAndTheirTargetsArePlacedFirst() throws Exception {
        MigrationSchema schema = MigrationSchema.read();
        CitusPlacement placement = CitusPlacement.read();
        for (Table table : schema.tables.values()) {
            Line from = placement.line(table.name());
            for (Map.Entry<String, String> key : table.references().entrySet()) {
                Line to = placement.line(key.getValue());
                String where = table.name() + "." + key.getKey() + " -> " + key.getValue();
                assertNotNull(from, where);
                assertNotNull(to, where);
                boolean allowed = switch (from.kind()) {
                    case REFERENCE -> to.kind() == Kind.REFERENCE;
                    case DISTRIBUTED -> to.kind() == Kind.REFERENCE || to.kind() == Kind.DISTRIBUTED
                            && key.getKey().equals(from.distributionColumn()) && anchor(from).equals(anchor(to));
                    case LOCAL -> to.kind() == Kind.LOCAL || to.kind() == Kind.REFERENCE;
                };
                assertTrue(allowed, where + ": a " + from.kind() + " table may not point at a " + to.kind() + " one");
                if (from.kind() != Kind.LOCAL && to != from) {
                    assertTrue(to.step() < from.step(), where + ": distribute.sql must place " + to.table() + " first");
                }
            }
        }
    }

    @Test
    void everyFunctionIsPlacedAndTheLoginsThatMixTableKindsInATransactionRunSequentially() throws Exception {
        MigrationSchema schema = MigrationSchema.read();
        CitusPlacement placement = CitusPlacement.read();
        assertEquals(new TreeSet<>(schema.functions), new TreeSet<>(placement.functions.keySet()),
                "every function of the migrations is created on every node or left on the coordinator, by name");
        for (String decoder : List.of("ramp_samples", "float4_values", "dq_names", "pixel_id")) {
            assertTrue(placement.functions.get(decoder), decoder + " is evaluated on the workers by the views");
        }
        // The writers and the API's changes update product or exposure_health in the transactions that copy strips or
        // health rows; the read pool only reads, so its queries keep Citus's parallel connections.
        assertEquals(Set.of(DatabaseLogin.LOADER.user(), DatabaseLogin.API_WRITER.user()), placement.sequentialLogins);
    }

    /**
     * A trigger cannot follow its table onto the workers (decision 0020): migration V17 took the last ones off
     * {@code exposure}, and distribute.sql refuses to move a table that has one. None may come back unnoticed.
     */
    @Test
    void noTableThatLeavesTheCoordinatorHasATrigger() throws Exception {
        MigrationSchema schema = MigrationSchema.read();
        CitusPlacement placement = CitusPlacement.read();
        List<String> triggers = new ArrayList<>();
        schema.triggers.forEach((trigger, table) -> {
            if (placement.line(table).kind() != Kind.LOCAL) {
                triggers.add(trigger + " on " + table);
            }
        });
        assertEquals(List.of(), triggers, "triggers on tables distribute.sql moves to the workers");
        assertTrue(schema.functions.contains("forget_exposure"), "the triggers' work, called by the deleting paths");
    }

    /** Needs no Compose: the raw variant's `${VAR}` references against the two documents that explain them. */
    @Test
    void theReadmeAndEnvExampleDocumentEveryVariableTheVariantReads() throws Exception {
        String raw = String.join("\n",
                Files.readAllLines(variant()).stream().filter(line -> !line.trim().startsWith("#")).toList());
        String readme = Files.readString(ComposeFile.home().resolve("README.md"));
        String deploy = readme.substring(readme.indexOf("## Deploy"), readme.indexOf("## Configure"));
        assertTrue(deploy.contains("docker-compose.citus.yml"), "README.md, Deploy, does not mention the Citus variant");
        String example = Files.readString(ComposeFile.home().resolve(".env.example"));
        Matcher m = VARIABLE.matcher(raw);
        Set<String> variables = new TreeSet<>();
        while (m.find()) {
            variables.add(m.group(1));
        }
        assertFalse(variables.isEmpty());
        for (String variable : variables) {
            assertTrue(deploy.contains("`" + variable + "`"), "README.md, Deploy, does not document " + variable);
            assertTrue(example.contains(variable + "="), ".env.example does not list " + variable);
        }
    }

    /** The first table of a line's colocation group. */
    private static String anchor(Line line) {
        return "none".equals(line.colocateWith()) ? line.table() : line.colocateWith();
    }

    private static String host(String jdbcUrl) {
        return URI.create(jdbcUrl.substring("jdbc:".length())).getHost();
    }

    /** The networks a service joins: Compose prints a list or a map, by version. */
    private static Set<String> networks(String service) {
        Set<String> names = new TreeSet<>();
        JsonNode node = merged.service(service).path("networks");
        if (node.isObject()) {
            node.fieldNames().forEachRemaining(names::add);
        } else if (node.isArray()) {
            node.forEach(name -> names.add(name.asText()));
        } else {
            names.add("default");
        }
        return names;
    }

    /** The named volumes a service mounts: `name:/path:rw` (Compose v1) or `{source: name, ...}` (v2). */
    private static Set<String> volumes(String service) {
        Set<String> names = new TreeSet<>();
        for (JsonNode volume : merged.service(service).path("volumes")) {
            names.add(volume.isTextual() ? volume.asText().split(":")[0] : volume.path("source").asText());
        }
        return names;
    }
}
