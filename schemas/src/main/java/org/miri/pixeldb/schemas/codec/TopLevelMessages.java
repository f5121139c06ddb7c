package org.miri.pixeldb.schemas.codec;

import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.miri.pixeldb.schemas.CorrectedRampChunk;
import org.miri.pixeldb.schemas.ExportEvent;
import org.miri.pixeldb.schemas.ExportPart;
import org.miri.pixeldb.schemas.Exposure;
import org.miri.pixeldb.schemas.IngestEvent;
import org.miri.pixeldb.schemas.IngestStatus;
import org.miri.pixeldb.schemas.LoadAck;
import org.miri.pixeldb.schemas.PixelHealthChange;
import org.miri.pixeldb.schemas.RawRampChunk;
import org.miri.pixeldb.schemas.SlopeChunk;

/** Every record sent on Kafka on its own; each has a frozen history under {@code avro-history/}. */
public final class TopLevelMessages {

    public static final List<Class<? extends SpecificRecord>> ALL =
            List.of(Exposure.class, RawRampChunk.class, IngestEvent.class, CorrectedRampChunk.class,
                    SlopeChunk.class, LoadAck.class, IngestStatus.class, PixelHealthChange.class,
                    ExportPart.class, ExportEvent.class);

    private TopLevelMessages() {
    }
}
