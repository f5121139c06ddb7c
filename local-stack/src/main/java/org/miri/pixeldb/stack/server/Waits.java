package org.miri.pixeldb.stack.server;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polling until a server answers, with the reason it did not when time runs out. */
final class Waits {

    private Waits() {
    }

    static void until(String what, Duration timeout, BooleanSupplier ready, ChildProcess process)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!ready.getAsBoolean()) {
            if (process != null && !process.isAlive()) {
                throw new IllegalStateException(what + " exited during start-up:\n" + process.logTail(30));
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(what + " did not answer within " + timeout
                        + (process == null ? "" : ":\n" + process.logTail(30)));
            }
            Thread.sleep(200);
        }
    }
}
