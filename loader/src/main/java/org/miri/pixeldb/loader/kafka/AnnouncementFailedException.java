package org.miri.pixeldb.loader.kafka;

/** A batch committed but the handler could not announce it (acknowledgements not sent): transient by nature. */
public final class AnnouncementFailedException extends Exception {

    public AnnouncementFailedException(Throwable cause) {
        super("committed, but not announced: " + cause.getMessage(), cause);
    }
}
