package org.miri.pixeldb.loader.ingest;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Names a writer instance in its acknowledgements, so that an operator sees which process loaded what. */
final class WriterInstance {

    private WriterInstance() {
    }

    /** e.g. {@code ramp-writer@host/4242}: service, host and process id (instances of one host differ by it). */
    static String name(String service) {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        return service + "@" + host + "/" + ProcessHandle.current().pid();
    }
}
