package org.miri.pixeldb.api.export;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.miri.pixeldb.platform.s3.BucketLayout;
import org.miri.pixeldb.schemas.ExportPart;

/** A plan's parts as the messages the exporters receive, numbered in plan order, each with its own file name. */
final class ExportParts {

    private ExportParts() {
    }

    static List<ExportPart> of(UUID job, ExportPlan plan, ExportSelection selection, Instant submitted) {
        List<ExportPart> parts = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (PlannedPart planned : plan.parts()) {
            int index = parts.size();
            String name = planned.fileName();
            if (!names.add(name)) {
                // Two exposure names that differ only in characters a file name cannot hold.
                name = name.replace(".parquet", "-" + index + ".parquet");
                names.add(name);
            }
            parts.add(ExportPart.newBuilder().setJobId(job.toString()).setPartIndex(index)
                    .setParts(plan.parts().size()).setExposure(planned.exposure()).setProduct(planned.product())
                    .setProductId(planned.productId()).setRowFirst(planned.rowFirst()).setRowLast(planned.rowLast())
                    .setColFirst(planned.colFirst()).setColLast(planned.colLast())
                    .setIntegrationFirst(planned.integrationFirst()).setIntegrationLast(planned.integrationLast())
                    .setFlagMask(selection.flagMask()).setNoflagMask(selection.noflagMask())
                    .setObjectKey(BucketLayout.exportKey(job.toString(), name)).setFileName(name)
                    .setSubmittedAt(submitted).build());
        }
        return parts;
    }
}
