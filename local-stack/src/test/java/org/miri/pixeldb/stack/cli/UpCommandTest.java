package org.miri.pixeldb.stack.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** up --detach hands its command line to a background supervisor that runs in the project's root. */
class UpCommandTest {

    @Test
    void theBackgroundSupervisorGetsTheOptionsBackWithoutDetach() {
        assertEquals(List.of("--exporters", "2"),
                UpCommand.foregroundArguments(List.of("--detach", "--exporters", "2"), null));
    }

    @Test
    void aProfileFolderIsHandedOnAbsoluteInWhicheverFormItWasGiven() {
        Path absolute = Path.of("/home/me/checkout/prof");
        assertEquals(List.of("--exporters", "2", "--profile-event", "itimer", "--profile=/home/me/checkout/prof"),
                UpCommand.foregroundArguments(List.of("--profile", "prof", "--exporters", "2", "--detach",
                        "--profile-event", "itimer"), absolute));
        assertEquals(List.of("--profile=/home/me/checkout/prof"),
                UpCommand.foregroundArguments(List.of("--detach", "--profile=prof"), absolute));
        // From PIXELDB_PROFILE_DIR: not on the command line, but the supervisor's working folder differs all the same.
        assertEquals(List.of("--profile=/home/me/checkout/prof"), UpCommand.foregroundArguments(List.of("--detach"), absolute));
    }
}
