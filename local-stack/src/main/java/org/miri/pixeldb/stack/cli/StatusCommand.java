package org.miri.pixeldb.stack.cli;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.miri.pixeldb.stack.HealthProbe;
import org.miri.pixeldb.stack.StackLayout;
import org.miri.pixeldb.stack.StackState;
import org.miri.pixeldb.stack.StatusPrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "status", description = "Prints every endpoint of the running stack and its health; exit code 0 when all are UP.")
final class StatusCommand implements Callable<Integer> {

    @Mixin
    StackDirectory stack;

    @Option(names = "--json", description = "Print JSON: api, adminToken, kafka, jdbc, psql, s3 {endpoint, bucket, accessKey, secretKey, region}, services, health.")
    boolean json;

    @Option(names = "--show-secrets", description = "Also print the database password, S3 keys and API admin token "
            + "(by default only where they are: var/credentials.properties).")
    boolean showSecrets;

    @Override
    public Integer call() throws Exception {
        StackLayout layout = stack.layout();
        Optional<StackState> state = StackState.read(layout.state()).filter(StackState::supervisorAlive);
        if (state.isEmpty()) {
            System.out.println(json ? "{\"running\": false, \"dataDir\": \"" + layout.root() + "\"}"
                    : "pixeldb is not running (data " + layout.root() + "); start it with ./pixeldb up");
            return 3;
        }
        Map<String, String> health = new HealthProbe().check(state.get());
        if (json) {
            System.out.println(StatusPrinter.json(state.get(), health));
        } else {
            StatusPrinter.print(state.get(), health, System.out, showSecrets);
        }
        return HealthProbe.allUp(health) ? 0 : 1;
    }
}
