package org.miri.pixeldb.api.detector;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.sql.SQLException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/api/v1/detectors")
@Produces(MediaType.APPLICATION_JSON)
public class DetectorResource {

    @Inject
    DetectorRepository detectors;

    @GET
    @Operation(summary = "The MIRI detectors: SCA_ID, name and what each is for")
    public List<DetectorEntry> list() throws SQLException {
        return detectors.all();
    }
}
