package org.miri.pixeldb.splitter.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ObjectLanesTest {

    @Test
    void differentObjectsStartAtOnceAndOneObjectsNotificationsInTurn() {
        ObjectLanes<String> lanes = new ObjectLanes<>();
        assertTrue(lanes.admit("a.fits", "a v1"));
        assertTrue(lanes.admit("b.fits", "b v1"), "another object does not wait");
        assertFalse(lanes.admit("a.fits", "a v2"), "a second version waits for the first");
        assertFalse(lanes.admit("a.fits", "a v3"));
        assertEquals(4, lanes.size());
        assertEquals(Optional.of("a v2"), lanes.finish("a.fits"), "then comes in the order it arrived");
        assertEquals(Optional.empty(), lanes.finish("b.fits"));
        assertEquals(Optional.of("a v3"), lanes.finish("a.fits"));
        assertEquals(Optional.empty(), lanes.finish("a.fits"));
        assertEquals(0, lanes.size());
        assertTrue(lanes.admit("a.fits", "a v4"), "a finished lane starts afresh");
    }
}
