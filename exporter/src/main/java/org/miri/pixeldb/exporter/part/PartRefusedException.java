package org.miri.pixeldb.exporter.part;

/** A part that can never be written as asked (its product version is gone): the job fails with this message. */
public class PartRefusedException extends Exception {

    public PartRefusedException(String message) {
        super(message);
    }
}
