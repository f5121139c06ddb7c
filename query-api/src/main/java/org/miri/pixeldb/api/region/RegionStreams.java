package org.miri.pixeldb.api.region;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.miri.pixeldb.api.db.Database;
import org.miri.pixeldb.api.dq.DqFlagRepository;
import org.miri.pixeldb.api.exposure.ExposureSummary;
import org.miri.pixeldb.api.format.FitsOutput;
import org.miri.pixeldb.api.format.OutputFormat;

/**
 * The bodies of region responses, written while the strips stream from the database: every check that can refuse
 * the request has run before (in the resource), so once the status line is out only a broken connection can stop
 * the body.
 */
@ApplicationScoped
public class RegionStreams {

    /** Work on one open read connection that may throw SQL or I/O errors. */
    private interface Query {
        void run(Connection connection) throws SQLException, IOException;
    }

    @Inject
    Database database;
    @Inject
    RegionRepository regions;
    @Inject
    ObjectMapper mapper;
    @Inject
    DqFlagRepository flags;

    long mask(List<String> names) throws SQLException {
        return flags.catalog().mask("flag", names);
    }

    StreamingOutput ramps(ExposureSummary e, Region region, OutputFormat format) {
        return out -> withConnection(connection -> {
            switch (format) {
                case JSON -> {
                    JsonGenerator json = start(out, e, region);
                    json.writeStringField("kind", region.kind().name().toLowerCase(java.util.Locale.ROOT));
                    json.writeArrayFieldStart("ramps");
                    regions.ramps(connection, e.id(), region, new RampJsonWriter(json, region.kind(), e.ngroups()));
                    json.writeEndArray();
                    end(json);
                }
                case CSV -> {
                    Writer csv = writer(out);
                    regions.ramps(connection, e.id(), region, new RampCsvWriter(csv, region.kind(), e.ngroups()));
                    csv.flush();
                }
                case FITS -> {
                    RampCube cube = new RampCube(region, e.ngroups());
                    regions.ramps(connection, e.id(), region, cube);
                    FitsOutput.write(out, cube.hdus(e.name(), regions.header(connection, e.id(), region.kind().product)));
                }
            }
        });
    }

    StreamingOutput slopes(ExposureSummary e, String product, Region region, OutputFormat format) {
        return out -> withConnection(connection -> {
            SlopeImages images = new SlopeImages(region, product.equals("RATE"));
            regions.slopes(connection, e.id(), product, region, images);
            switch (format) {
                case JSON -> {
                    JsonGenerator json = start(out, e, region);
                    json.writeStringField("product", product);
                    images.json(json);
                    end(json);
                }
                case CSV -> {
                    Writer csv = writer(out);
                    images.csv(csv);
                    csv.flush();
                }
                case FITS -> FitsOutput.write(out, images.hdus(e.name(), regions.header(connection, e.id(), product)));
            }
        });
    }

    StreamingOutput flags(ExposureSummary e, Region region, long mask, OutputFormat format) {
        return out -> withConnection(connection -> {
            FlagFinder finder = new FlagFinder(mask, e.ngroups(), flags.catalog());
            regions.pixeldq(connection, e.id(), region, finder.pixelVisitor());
            regions.ramps(connection, e.id(), region, finder.rampVisitor());
            if (format == OutputFormat.CSV) {
                Writer csv = writer(out);
                FlagReport.csv(finder, csv);
                csv.flush();
                return;
            }
            JsonGenerator json = start(out, e, region);
            FlagReport.json(finder, flags.catalog().decode(mask), json);
            end(json);
        });
    }

    private JsonGenerator start(OutputStream out, ExposureSummary e, Region region) throws IOException {
        JsonGenerator json = mapper.getFactory().createGenerator(out);
        json.writeStartObject();
        json.writeStringField("exposure", e.name());
        json.writeNumberField("ngroups", e.ngroups());
        json.writeObjectField("rows", List.of(region.rows().first(), region.rows().last()));
        json.writeObjectField("cols", List.of(region.cols().first(), region.cols().last()));
        json.writeObjectField("integrations", List.of(region.integrations().first(), region.integrations().last()));
        return json;
    }

    private static void end(JsonGenerator json) throws IOException {
        json.writeEndObject();
        json.flush();
    }

    private static Writer writer(OutputStream out) {
        return new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    }

    private void withConnection(Query query) throws IOException {
        try (Connection connection = database.read()) {
            query.run(connection);
        } catch (SQLException e) {
            throw new IOException("database failure while streaming: " + e.getMessage(), e);
        }
    }
}
