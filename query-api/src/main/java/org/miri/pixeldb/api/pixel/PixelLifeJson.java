package org.miri.pixeldb.api.pixel;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.List;
import org.miri.pixeldb.api.format.FloatJsonModule;

/**
 * Writes a pixel's life as JSON with the streaming generator: the same document the object mapper makes of
 * {@link PixelLife} (PixelLifeJsonTest compares them), at a fraction of its CPU, which is what limits the requests per
 * second of the API's busiest endpoint (docs/performance.md).
 */
final class PixelLifeJson {

    private PixelLifeJson() {
    }

    static void write(PixelLife life, JsonGenerator json) throws IOException {
        json.writeStartObject();
        json.writeStringField("detector", life.detector());
        json.writeNumberField("row", life.row());
        json.writeNumberField("col", life.col());
        json.writeNumberField("pixelId", life.pixelId());
        objects("exposures", life.exposures(), PixelLifeJson::exposure, json);
        json.writeStringField("next", life.next());
        json.writeEndObject();
        json.flush();
    }

    private static void exposure(PixelLife.Exposure e, JsonGenerator json) throws IOException {
        json.writeStringField("name", e.name());
        json.writeStringField("dateObs", e.dateObs() == null ? null : e.dateObs().toString());
        json.writeStringField("subarray", e.subarray());
        json.writeStringField("readpatt", e.readpatt());
        json.writeStringField("expType", e.expType());
        json.writeStringField("origin", e.origin());
        json.writeNumberField("nints", e.nints());
        json.writeNumberField("ngroups", e.ngroups());
        nullable("tgroup", e.tgroup(), json);
        nullable("pixeldq", e.pixeldq(), json);
        strings("pixeldqFlags", e.pixeldqFlags(), json);
        objects("raw", e.raw(), PixelLifeJson::raw, json);
        objects("corrected", e.corrected(), PixelLifeJson::corrected, json);
        objects("slopes", e.slopes(), PixelLifeJson::slope, json);
    }

    private static void raw(PixelLife.RawRamp ramp, JsonGenerator json) throws IOException {
        json.writeNumberField("integration", ramp.integration());
        json.writeFieldName("samples");
        json.writeArray(ramp.samples(), 0, ramp.samples().length);
    }

    private static void corrected(PixelLife.CorrectedRamp ramp, JsonGenerator json) throws IOException {
        json.writeNumberField("integration", ramp.integration());
        floats("sci", ramp.sci(), json);
        floats("err", ramp.err(), json);
        json.writeFieldName("groupdq");
        json.writeArray(ramp.groupdq(), 0, ramp.groupdq().length);
        json.writeArrayFieldStart("groupdqFlags");
        for (List<String> names : ramp.groupdqFlags()) {
            strings(null, names, json);
        }
        json.writeEndArray();
    }

    private static void slope(PixelLife.Slope slope, JsonGenerator json) throws IOException {
        json.writeStringField("kind", slope.kind());
        nullable("integration", slope.integration(), json);
        number("sci", slope.sci(), json);
        number("err", slope.err(), json);
        json.writeNumberField("dq", slope.dq());
        strings("dqFlags", slope.dqFlags(), json);
        number("varPoisson", slope.varPoisson(), json);
        number("varRnoise", slope.varRnoise(), json);
    }

    /** Writes an element's fields; the generator's methods throw IOException, so no java.util.function type fits. */
    private interface Fields<T> {
        void write(T element, JsonGenerator json) throws IOException;
    }

    /** An array of objects, each with the fields {@code fields} writes. */
    private static <T> void objects(String name, List<T> elements, Fields<T> fields, JsonGenerator json)
            throws IOException {
        json.writeArrayFieldStart(name);
        for (T element : elements) {
            json.writeStartObject();
            fields.write(element, json);
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    // NaN and infinities as the API writes them everywhere (FloatJsonModule).
    private static void number(String name, float value, JsonGenerator json) throws IOException {
        json.writeFieldName(name);
        FloatJsonModule.write(json, value);
    }

    private static void nullable(String name, Number value, JsonGenerator json) throws IOException {
        json.writeFieldName(name);
        if (value == null) {
            json.writeNull();
        } else if (value instanceof Double d) {
            json.writeNumber(d);
        } else {
            json.writeNumber(value.longValue());
        }
    }

    private static void floats(String name, float[] values, JsonGenerator json) throws IOException {
        json.writeFieldName(name);
        if (values == null) {
            json.writeNull();
            return;
        }
        json.writeStartArray();
        for (float value : values) {
            FloatJsonModule.write(json, value);
        }
        json.writeEndArray();
    }

    private static void strings(String name, List<String> values, JsonGenerator json) throws IOException {
        if (name != null) {
            json.writeFieldName(name);
        }
        json.writeStartArray();
        for (String value : values) {
            json.writeString(value);
        }
        json.writeEndArray();
    }
}
