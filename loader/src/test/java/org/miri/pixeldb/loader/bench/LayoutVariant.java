package org.miri.pixeldb.loader.bench;

import java.util.ArrayList;
import java.util.List;

/** One storage layout under measurement: its table, how rows are encoded, how it is queried. */
record LayoutVariant(String name, String note, List<String> ddl, String columns, RowEncoder encoder,
                     LayoutQueries queries) {

    private static final String RAMP = "product_id int not null, integration smallint not null,"
            + " row smallint not null, col smallint not null, samples %s not null";
    private static final String PIXEL = "product_id int not null, row smallint not null, col smallint not null,"
            + " samples bytea not null";
    private static final String STRIP = "product_id int not null, integration smallint not null,"
            + " row smallint not null, first_col smallint not null, ncols smallint not null, samples bytea not null";

    static List<LayoutVariant> all() {
        String e = "(product_id, row, integration, col)";
        String p = "(row, col, product_id, integration)";
        String se = "(product_id, row, integration, first_col)";
        String sp = "(row, first_col, product_id, integration)";
        return List.of(
                ramp("ramp_int2_array", "per ramp, smallint[] (value-32768)", "smallint[]", SampleCodec.INT2_ARRAY, e, null),
                ramp("ramp_int4_array", "per ramp, int[]", "int[]", SampleCodec.INT4_ARRAY, e, null),
                ramp("ramp_bytea_e", "per ramp, bytea, exposure-first key", "bytea", SampleCodec.BYTEA, e, null),
                ramp("ramp_bytea_p", "per ramp, bytea, pixel-first key", "bytea", SampleCodec.BYTEA, p, null),
                ramp("ramp_bytea_ep", "per ramp, bytea, both indexes", "bytea", SampleCodec.BYTEA, e, p),
                variant("pixel_bytea", "per pixel+exposure, bytea (all ints)", PIXEL, "(product_id, row, col)", null,
                        "", 0, RowEncoder.perPixel(), LayoutQueries.PER_PIXEL_KEY),
                strip("block16_bytea", "per 16 pixels of a row, bytea", 16, se, null, ""),
                strip("block49_external", "per 49 pixels of a row (1,960 B, inline), external", 49, se, null,
                        "set storage external"),
                strip("strip_main", "per detector row, bytea, default storage", 0, se, null, ""),
                strip("strip_external", "per detector row, bytea, storage external", 0, se, null, "set storage external"),
                strip("strip_lz4", "per detector row, bytea, lz4", 0, se, null, "set compression lz4"),
                strip("strip_external_ep", "per detector row, external, both indexes", 0, se, sp, "set storage external"),
                variant("strip_external_hash8", "per detector row, external, hash(product) x8", STRIP, se, null,
                        "set storage external", 8, RowEncoder.strips(0), LayoutQueries.STRIP));
    }

    private static LayoutVariant ramp(String name, String note, String type, SampleCodec codec, String key,
                                      String second) {
        return variant(name, note, RAMP.formatted(type), key, second, "", 0, RowEncoder.perRamp(codec),
                LayoutQueries.PER_PIXEL_KEY);
    }

    private static LayoutVariant strip(String name, String note, int width, String key, String second,
                                       String samples) {
        return variant(name, note, STRIP, key, second, samples, 0, RowEncoder.strips(width), LayoutQueries.STRIP);
    }

    private static LayoutVariant variant(String name, String note, String columns, String key, String second,
                                         String samplesClause, int hashPartitions, RowEncoder encoder,
                                         LayoutQueries queries) {
        String table = "layout_bench." + name;
        List<String> ddl = new ArrayList<>();
        ddl.add("create table " + table + " (" + columns + ", primary key " + key + ")"
                + (hashPartitions > 0 ? " partition by hash (product_id)" : ""));
        for (int i = 0; i < hashPartitions; i++) {
            ddl.add("create table " + table + "_p" + i + " partition of " + table
                    + " for values with (modulus " + hashPartitions + ", remainder " + i + ")");
        }
        if (second != null) {
            ddl.add("create index on " + table + " " + second);
        }
        if (!samplesClause.isEmpty()) {
            ddl.add("alter table " + table + " alter column samples " + samplesClause);
        }
        String copyColumns = columns.replaceAll(" [a-z\\[\\]]+ not null", "");
        return new LayoutVariant(name, note, ddl, copyColumns, encoder, queries);
    }
}
