package org.miri.pixeldb.api.region;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.ext.web.RoutingContext;
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
import java.util.Set;
import org.jboss.logging.Logger;
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

    private static final Logger LOG = Logger.getLogger(RegionStreams.class);


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

    /**
     * Runs the ramp query now, before the status line, so that a statement timeout or a lost database before the first
     * rows is an ordinary 503 or 500; then streams the rows while they come. A database failure after that closes the
     * connection without ending the chunked body: clients see an incomplete transfer, never a short answer that looks
     * whole.
     */
    StreamingOutput ramps(ExposureSummary e, Region region, OutputFormat format, RoutingContext request)
            throws SQLException {
        HeldQuery held = HeldQuery.open(database.read(), connection -> regions.openRamps(connection, e.id(), region));
        // The body may never be written (the client left first): the connection then goes back when the response ends.
        request.addEndHandler(ended -> held.closeUnlessWriting());
        return out -> {
            try (RampRows rows = held.takeForWriting()) {
                switch (format) {
                    case JSON -> {
                        JsonGenerator json = start(out, e, region);
                        json.writeStringField("kind", region.kind().name().toLowerCase(java.util.Locale.ROOT));
                        json.writeArrayFieldStart("ramps");
                        rows.visit(new RampJsonWriter(json, region.kind(), e.ngroups()));
                        json.writeEndArray();
                        end(json);
                    }
                    case CSV -> {
                        Writer csv = writer(out);
                        rows.visit(new RampCsvWriter(csv, region.kind(), e.ngroups()));
                        csv.flush();
                    }
                    case FITS -> throw new IllegalArgumentException("FITS cubes are assembled by rampCube");
                }
            } catch (SQLException failure) {
                LOG.warnf("database failure while streaming %s, closing the connection: %s", request.request().path(),
                        failure.getMessage());
                request.request().connection().close();
                throw new IOException("database failure while streaming: " + failure.getMessage(), failure);
            } finally {
                held.close();
            }
        };
    }

    /**
     * Reads a region's ramps into FITS cubes now, before the status line (the caller reserved the memory): a database
     * failure is then an ordinary error answer.
     */
    StreamingOutput rampCube(ExposureSummary e, Region region) throws SQLException, IOException {
        RampCube cube = new RampCube(region, e.ngroups());
        String header;
        try (Connection connection = database.read()) {
            regions.ramps(connection, e.id(), region, cube);
            header = regions.header(connection, e.id(), region.kind().product);
        }
        List<nom.tam.fits.BasicHDU<?>> hdus = cube.hdus(e.name(), header);
        return out -> FitsOutput.write(out, hdus);
    }

    /**
     * Reads the slope images now, before the status line: a statement timeout or a lost connection is then a 503 or
     * 500 with its JSON error, never a 200 cut short. The images are in memory anyway (the caller reserved it).
     */
    StreamingOutput slopes(ExposureSummary e, String product, Region region, Set<SlopePlane> planes,
            OutputFormat format) throws SQLException, IOException {
        SlopeImages images = new SlopeImages(region, product.equals("RATE"), planes);
        String header;
        try (Connection connection = database.read()) {
            regions.slopes(connection, e.id(), product, region, planes, images);
            header = format == OutputFormat.FITS ? regions.header(connection, e.id(), product) : null;
        }
        return out -> {
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
                case FITS -> FitsOutput.write(out, images.hdus(e.name(), header));
            }
        };
    }

    /** Finds the flagged pixels and ramps now, before the status line, for the same reason as {@link #slopes}. */
    StreamingOutput flags(ExposureSummary e, Region region, long mask, OutputFormat format)
            throws SQLException, IOException {
        FlagFinder finder = new FlagFinder(mask, e.ngroups(), flags.catalog());
        List<String> asked = flags.catalog().decode(mask);
        try (Connection connection = database.read()) {
            regions.pixeldq(connection, e.id(), region, finder.pixelVisitor());
            regions.ramps(connection, e.id(), region, finder.rampVisitor());
        }
        return out -> {
            if (format == OutputFormat.CSV) {
                Writer csv = writer(out);
                FlagReport.csv(finder, csv);
                csv.flush();
                return;
            }
            JsonGenerator json = start(out, e, region);
            FlagReport.json(finder, asked, json);
            end(json);
        };
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

}
