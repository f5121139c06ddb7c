-- Corrected ramps, slopes, data-quality flags and pipeline provenance (decision 0006), and product
-- versions: a changed file loads beside the version readers see and replaces it in one commit.
-- Corrected values are stored as strips like raw ramps (decision 0004): packed big-endian bytes as
-- the file holds them, so every float keeps its exact bits (NaN payloads included), cut so that a
-- row stays in its table page.

-- Versions of one product kind now coexist while a newer one loads. Readers see LOADED versions only,
-- and the writer that completes a version deletes the older one in the same transaction; this index
-- makes a second LOADED version impossible even if two writers raced.
drop index product_one_version_per_kind;
create unique index product_one_loaded_per_kind on product (exposure_id, kind) where state = 'LOADED';

alter table product
    add column cal_ver         text,
    add column cal_vcs         text,
    add column crds_ver        text,
    add column crds_ctx        text,
    add column steps           jsonb,
    add column reference_files jsonb;

comment on column product.state is 'LOADING until every chunk is in, then LOADED: only LOADED versions are visible in the views, at most one per exposure and kind';
comment on column product.cal_ver is 'JWST pipeline version that made the product (CAL_VER); null for raw products and when absent';
comment on column product.cal_vcs is 'Pipeline version-control tag (CAL_VCS); null when absent';
comment on column product.crds_ver is 'CRDS software version (CRDS_VER); null when absent';
comment on column product.crds_ctx is 'CRDS context (CRDS_CTX), e.g. jwst_0642.pmap; null when absent';
comment on column product.steps is 'Every step-status keyword (S_*) and its value, as a JSON object, e.g. {"S_JUMP": "COMPLETE"}; null for raw products';
comment on column product.reference_files is 'Every reference-file keyword (R_*) and its value, as a JSON object, e.g. {"R_MASK": "crds://jwst_miri_mask_0023.fits"}; null for raw products';

create table corrected_ramp_strip (
    product_id  integer  not null references product on delete cascade,
    integration smallint not null check (integration >= 1),
    row         smallint not null check (row between 1 and 1024),
    first_col   smallint not null check (first_col between 1 and 1032),
    ncols       smallint not null check (ncols >= 1 and first_col + ncols - 1 <= 1032),
    sci         bytea    not null,
    err         bytea,
    groupdq     bytea    not null,
    primary key (product_id, row, integration, first_col)
);

alter table corrected_ramp_strip alter column sci set storage external;
alter table corrected_ramp_strip alter column err set storage external;
alter table corrected_ramp_strip alter column groupdq set storage external;

comment on table corrected_ramp_strip is 'Corrected science ramps of RAMP products, one row per product, integration and run of ncols consecutive pixels of one detector row. Read them through corrected_ramp_v';
comment on column corrected_ramp_strip.product_id is 'The RAMP product version';
comment on column corrected_ramp_strip.integration is 'Integration, 1-based';
comment on column corrected_ramp_strip.row is 'Full-frame detector row, 1-based';
comment on column corrected_ramp_strip.first_col is 'Full-frame column of the first pixel of the strip, 1-based';
comment on column corrected_ramp_strip.ncols is 'Number of consecutive pixels in the strip';
comment on column corrected_ramp_strip.sci is 'SCI: ncols ramps of ngroups values ([col][group]), big-endian IEEE float32 with the file''s bits; float4_values() decodes';
comment on column corrected_ramp_strip.err is 'ERR, laid out as sci; null when the product has no ERR array (newer pipelines omit it)';
comment on column corrected_ramp_strip.groupdq is 'GROUPDQ: ncols ramps of ngroups unsigned bytes ([col][group]); uint8_values() decodes, dq_names() names the bits';

create table corrected_refout_strip (
    product_id  integer  not null references product on delete cascade,
    integration smallint not null check (integration >= 1),
    row         smallint not null check (row between 1 and 1024),
    first_col   smallint not null check (first_col between 1 and 258),
    ncols       smallint not null check (ncols >= 1 and first_col + ncols - 1 <= 258),
    sci         bytea    not null,
    primary key (product_id, row, integration, first_col)
);

alter table corrected_refout_strip alter column sci set storage external;

comment on table corrected_refout_strip is 'Corrected reference-output ramps (REFOUT extension of RAMP products), laid out as corrected_ramp_strip. Read them through corrected_refout_v';
comment on column corrected_refout_strip.product_id is 'The RAMP product version';
comment on column corrected_refout_strip.integration is 'Integration, 1-based';
comment on column corrected_refout_strip.row is 'Full-frame detector row, 1-based';
comment on column corrected_refout_strip.first_col is 'Reference-output column of the first ramp, 1-based (1..258)';
comment on column corrected_refout_strip.ncols is 'Number of consecutive reference-output columns in the strip';
comment on column corrected_refout_strip.sci is 'ncols ramps of ngroups values ([col][group]), big-endian IEEE float32';

create table pixeldq_strip (
    product_id integer  not null references product on delete cascade,
    row        smallint not null check (row between 1 and 1024),
    first_col  smallint not null check (first_col between 1 and 1032),
    ncols      smallint not null check (ncols >= 1 and first_col + ncols - 1 <= 1032),
    dq         bytea    not null,
    primary key (product_id, row, first_col)
);

alter table pixeldq_strip alter column dq set storage external;

comment on table pixeldq_strip is 'PIXELDQ of RAMP products (it holds for every integration and group), one row per run of pixels of one detector row. Read it through pixeldq_v';
comment on column pixeldq_strip.product_id is 'The RAMP product version';
comment on column pixeldq_strip.row is 'Full-frame detector row, 1-based';
comment on column pixeldq_strip.first_col is 'Full-frame column of the first pixel, 1-based';
comment on column pixeldq_strip.ncols is 'Number of consecutive pixels in the strip';
comment on column pixeldq_strip.dq is 'ncols masks, big-endian unsigned 32-bit; uint32_at() decodes one as a bigint';

create table slope_strip (
    product_id  integer  not null references product on delete cascade,
    integration smallint not null check (integration >= 0),
    row         smallint not null check (row between 1 and 1024),
    first_col   smallint not null check (first_col between 1 and 1032),
    ncols       smallint not null check (ncols >= 1 and first_col + ncols - 1 <= 1032),
    sci         bytea    not null,
    err         bytea    not null,
    dq          bytea    not null,
    var_poisson bytea    not null,
    var_rnoise  bytea    not null,
    primary key (product_id, row, integration, first_col)
);

comment on table slope_strip is 'Slopes of RATEINTS (per integration) and RATE (per exposure) products, one row per product, integration and run of pixels of one detector row. Read them through slope_v';
comment on column slope_strip.product_id is 'The RATEINTS or RATE product version';
comment on column slope_strip.integration is 'Integration, 1-based, for RATEINTS; 0 for RATE (the whole exposure)';
comment on column slope_strip.row is 'Full-frame detector row, 1-based';
comment on column slope_strip.first_col is 'Full-frame column of the first pixel, 1-based';
comment on column slope_strip.ncols is 'Number of consecutive pixels in the strip';
comment on column slope_strip.sci is 'SCI slopes (DN/s), ncols big-endian IEEE float32';
comment on column slope_strip.err is 'ERR, ncols big-endian float32';
comment on column slope_strip.dq is 'DQ, ncols big-endian unsigned 32-bit masks';
comment on column slope_strip.var_poisson is 'VAR_POISSON, ncols big-endian float32';
comment on column slope_strip.var_rnoise is 'VAR_RNOISE, ncols big-endian float32';

-- Decoding. PostgreSQL cannot reinterpret 4 bytes as a float4, so the IEEE layout is evaluated in
-- float8, where every float4 value (subnormals, infinities, -0) is exact, and cast back.
create function float4_from_bits(bits bigint) returns real
    language plpgsql immutable strict parallel safe
as $$
declare
    exponent integer := (bits >> 23) & 255;
    mantissa bigint := bits & 8388607;
    magnitude double precision;
begin
    if exponent = 255 then
        if mantissa <> 0 then
            return 'NaN'::real;
        end if;
        magnitude := 'Infinity'::double precision;
    elsif exponent = 0 then
        magnitude := mantissa * power(2::double precision, -149);
    else
        magnitude := (mantissa + 8388608) * power(2::double precision, exponent - 150);
    end if;
    return (case when (bits >> 31) & 1 = 1 then -magnitude else magnitude end)::real;
end
$$;

comment on function float4_from_bits(bigint) is 'The float4 whose IEEE 754 bits are the low 32 bits of the argument (NaN payloads become the canonical NaN)';

create function uint32_at(packed bytea, i integer) returns bigint
    language sql immutable strict parallel safe
    return (get_byte(packed, 4 * i)::bigint << 24) | (get_byte(packed, 4 * i + 1) << 16)
        | (get_byte(packed, 4 * i + 2) << 8) | get_byte(packed, 4 * i + 3);

comment on function uint32_at(bytea, integer) is 'The i-th (0-based) big-endian unsigned 32-bit value of packed bytes, as a bigint (0..4294967295)';

create function float4_at(packed bytea, i integer) returns real
    language sql immutable strict parallel safe
    return float4_from_bits(uint32_at(packed, i));

comment on function float4_at(bytea, integer) is 'The i-th (0-based) big-endian IEEE float32 of packed bytes';

create function float4_values(packed bytea) returns real[]
    language plpgsql immutable strict parallel safe
as $$
declare
    decoded real[] := array_fill(0::real, array[length(packed) / 4]);
begin
    for i in 1 .. length(packed) / 4 loop
        decoded[i] := float4_from_bits(uint32_at(packed, i - 1));
    end loop;
    return decoded;
end
$$;

comment on function float4_values(bytea) is 'Decodes packed big-endian IEEE float32 values into a real array';

create function uint8_values(packed bytea) returns integer[]
    language plpgsql immutable strict parallel safe
as $$
declare
    decoded integer[] := array_fill(0, array[length(packed)]);
begin
    for i in 1 .. length(packed) loop
        decoded[i] := get_byte(packed, i - 1);
    end loop;
    return decoded;
end
$$;

comment on function uint8_values(bytea) is 'Decodes packed unsigned bytes (GROUPDQ) into an integer array (0..255)';

create function uint8_or(packed bytea) returns bigint
    language plpgsql immutable strict parallel safe
as $$
declare
    mask bigint := 0;
begin
    for i in 0 .. length(packed) - 1 loop
        mask := mask | get_byte(packed, i);
    end loop;
    return mask;
end
$$;

comment on function uint8_or(bytea) is 'Bitwise OR of packed unsigned bytes: the flags a ramp carries in any group';

-- Data-quality flags: the masks stay integers; names live in a table, never in a column per flag.
create table dq_flag (
    bit_index   smallint primary key check (bit_index between 0 and 31),
    name        text     not null unique,
    value       bigint   not null generated always as (1::bigint << bit_index) stored,
    in_groupdq  boolean  not null default false
);

comment on table dq_flag is 'The JWST data-quality flags (stdatamodels dqflags, 2026): bit, current name, mask value; in_groupdq for the flags GROUPDQ uses';
comment on column dq_flag.bit_index is 'Bit number, 0..31';
comment on column dq_flag.name is 'Current JWST name, e.g. JUMP_DET';
comment on column dq_flag.value is 'Mask value, 2^bit (bit 31 is 2147483648: masks are unsigned, held as bigint)';
comment on column dq_flag.in_groupdq is 'Whether the pipeline sets this flag in GROUPDQ';

insert into dq_flag (bit_index, name, in_groupdq) values
    (0, 'DO_NOT_USE', true), (1, 'SATURATED', true), (2, 'JUMP_DET', true), (3, 'DROPOUT', true),
    (4, 'OUTLIER', false), (5, 'PERSISTENCE', true), (6, 'AD_FLOOR', true), (7, 'CHARGELOSS', true),
    (8, 'RESERVED', false), (9, 'NON_SCIENCE', false), (10, 'DEAD', false), (11, 'HOT', false),
    (12, 'WARM', false), (13, 'LOW_QE', false), (14, 'RC', false), (15, 'TELEGRAPH', false),
    (16, 'NONLINEAR', false), (17, 'BAD_REF_PIXEL', false), (18, 'NO_FLAT_FIELD', false),
    (19, 'NO_GAIN_VALUE', false), (20, 'NO_LIN_CORR', false), (21, 'NO_SAT_CHECK', false),
    (22, 'UNRELIABLE_BIAS', false), (23, 'UNRELIABLE_DARK', false), (24, 'UNRELIABLE_SLOPE', false),
    (25, 'UNRELIABLE_FLAT', false), (26, 'OPEN', false), (27, 'ADJ_OPEN', false),
    (28, 'FLUX_ESTIMATED', false), (29, 'MSA_FAILED_OPEN', false), (30, 'OTHER_BAD_PIXEL', false),
    (31, 'REFERENCE_PIXEL', false);

create table dq_flag_alias (
    alias text     primary key,
    bit_index smallint not null references dq_flag
);

comment on table dq_flag_alias is 'Older names of flag bits, accepted wherever a flag is given by name';
comment on column dq_flag_alias.alias is 'The old name';
comment on column dq_flag_alias.bit_index is 'The bit it names';

insert into dq_flag_alias (alias, bit_index) values
    ('UNRELIABLE_ERROR', 8), ('UNRELIABLE_RESET', 28), ('RESERVED_4', 7), ('UNDERSAMP', 7),
    ('RESERVED_16', 4), ('RESERVED_32', 5), ('RESERVED_64', 6), ('RESERVED_128', 7);

create function dq_bit(flag text) returns smallint
    language plpgsql stable strict parallel safe
as $$
declare
    found smallint;
begin
    select bit_index into found from dq_flag where name = upper(flag)
    union all
    select bit_index from dq_flag_alias where alias = upper(flag)
    limit 1;
    if found is null then
        raise exception 'unknown DQ flag name "%"', flag
            using errcode = '22023', hint = 'the names are in table dq_flag, older ones in dq_flag_alias';
    end if;
    return found;
end
$$;

comment on function dq_bit(text) is 'Bit number of a flag name (current or old, any case); raises invalid_parameter_value for an unknown name';

create function dq_mask(variadic flags text[]) returns bigint
    language sql stable strict parallel safe
    return (select coalesce(bit_or(1::bigint << dq_bit(f)), 0) from unnest(flags) as f);

comment on function dq_mask(text[]) is 'Mask of the named flags, e.g. dq_mask(''HOT'', ''WARM'') = 6144';

create function dq_has(mask bigint, flag text) returns boolean
    language sql stable strict parallel safe
    return mask & (1::bigint << dq_bit(flag)) <> 0;

comment on function dq_has(bigint, text) is 'Whether the mask carries the named flag, e.g. where dq_has(pixeldq, ''HOT'')';

create function dq_names(mask bigint) returns text[]
    language sql stable strict parallel safe
    return array(select name from dq_flag where mask & value <> 0 order by bit_index);

comment on function dq_names(bigint) is 'Current names of the flags set in a mask, in bit order; {} for 0 (GOOD)';

-- Views: only LOADED product versions, so a replacement appears in one commit.
create or replace view raw_ramp_v as
select e.name                                                             as exposure,
       d.name                                                             as detector,
       e.sca_id,
       s.product_id,
       s.integration,
       s.row,
       c.col,
       pixel_id(s.row, c.col)                                             as pixel_id,
       ramp_samples(substring(s.samples from (c.col - s.first_col) * e.ngroups * 2 + 1
                              for e.ngroups * 2))                         as samples
from raw_ramp_strip s
join product p on p.id = s.product_id and p.state = 'LOADED'
join exposure e on e.id = p.exposure_id
join detector d on d.sca_id = e.sca_id
join frame_column c on c.col >= s.first_col and c.col < s.first_col + s.ncols;

create or replace view refout_ramp_v as
select e.name                                                             as exposure,
       d.name                                                             as detector,
       e.sca_id,
       s.product_id,
       s.integration,
       s.row,
       c.col                                                              as refout_col,
       ramp_samples(substring(s.samples from (c.col - s.first_col) * e.ngroups * 2 + 1
                              for e.ngroups * 2))                         as samples
from refout_ramp_strip s
join product p on p.id = s.product_id and p.state = 'LOADED'
join exposure e on e.id = p.exposure_id
join detector d on d.sca_id = e.sca_id
join frame_column c on c.col >= s.first_col and c.col < s.first_col + s.ncols;

create view pixeldq_v as
select e.name                                       as exposure,
       d.name                                       as detector,
       e.sca_id,
       q.product_id,
       q.row,
       c.col,
       pixel_id(q.row, c.col)                       as pixel_id,
       uint32_at(q.dq, c.col - q.first_col)         as pixeldq,
       dq_names(uint32_at(q.dq, c.col - q.first_col)) as flags
from pixeldq_strip q
join product p on p.id = q.product_id and p.state = 'LOADED'
join exposure e on e.id = p.exposure_id
join detector d on d.sca_id = e.sca_id
join frame_column c on c.col >= q.first_col and c.col < q.first_col + q.ncols;

comment on view pixeldq_v is 'PIXELDQ of every pixel of each exposure''s RAMP product: the mask (unsigned, as bigint) and its flag names';
comment on column pixeldq_v.exposure is 'Exposure name';
comment on column pixeldq_v.detector is 'Detector name';
comment on column pixeldq_v.sca_id is 'Detector SCA_ID';
comment on column pixeldq_v.product_id is 'The RAMP product version';
comment on column pixeldq_v.row is 'Full-frame row, 1-based';
comment on column pixeldq_v.col is 'Full-frame column, 1-based';
comment on column pixeldq_v.pixel_id is 'The prototype''s pixel number';
comment on column pixeldq_v.pixeldq is 'PIXELDQ mask, 0..4294967295; filter with dq_has(pixeldq, ''HOT'')';
comment on column pixeldq_v.flags is 'Names of the flags set, dq_names(pixeldq)';

create view corrected_ramp_v as
select e.name                                                                            as exposure,
       d.name                                                                            as detector,
       e.sca_id,
       s.product_id,
       s.integration,
       s.row,
       c.col,
       pixel_id(s.row, c.col)                                                            as pixel_id,
       float4_values(substring(s.sci from (c.col - s.first_col) * e.ngroups * 4 + 1 for e.ngroups * 4)) as sci,
       float4_values(substring(s.err from (c.col - s.first_col) * e.ngroups * 4 + 1 for e.ngroups * 4)) as err,
       uint8_values(substring(s.groupdq from (c.col - s.first_col) * e.ngroups + 1 for e.ngroups))    as groupdq,
       uint8_or(substring(s.groupdq from (c.col - s.first_col) * e.ngroups + 1 for e.ngroups))        as groupdq_any,
       (select uint32_at(q.dq, c.col - q.first_col) from pixeldq_strip q
         where q.product_id = s.product_id and q.row = s.row
           and q.first_col <= c.col and c.col < q.first_col + q.ncols)                   as pixeldq
from corrected_ramp_strip s
join product p on p.id = s.product_id and p.state = 'LOADED'
join exposure e on e.id = p.exposure_id
join detector d on d.sca_id = e.sca_id
join frame_column c on c.col >= s.first_col and c.col < s.first_col + s.ncols;

comment on view corrected_ramp_v is 'Corrected science ramps (RAMP products), one row per exposure, integration and pixel: SCI, ERR and GROUPDQ per group, and the pixel''s PIXELDQ';
comment on column corrected_ramp_v.exposure is 'Exposure name';
comment on column corrected_ramp_v.detector is 'Detector name';
comment on column corrected_ramp_v.sca_id is 'Detector SCA_ID';
comment on column corrected_ramp_v.product_id is 'The RAMP product version';
comment on column corrected_ramp_v.integration is 'Integration, 1-based';
comment on column corrected_ramp_v.row is 'Full-frame row, 1-based';
comment on column corrected_ramp_v.col is 'Full-frame column, 1-based';
comment on column corrected_ramp_v.pixel_id is 'The prototype''s pixel number';
comment on column corrected_ramp_v.sci is 'SCI per group (DN), exactly the file''s float32 values';
comment on column corrected_ramp_v.err is 'ERR per group; null when the product has no ERR array';
comment on column corrected_ramp_v.groupdq is 'GROUPDQ mask per group (0..255); dq_names() names the bits';
comment on column corrected_ramp_v.groupdq_any is 'OR of the GROUPDQ of every group: dq_has(groupdq_any, ''JUMP_DET'') finds ramps with a jump in any group';
comment on column corrected_ramp_v.pixeldq is 'PIXELDQ mask of the pixel (unsigned, as bigint)';

create view corrected_refout_v as
select e.name                                                                            as exposure,
       d.name                                                                            as detector,
       e.sca_id,
       s.product_id,
       s.integration,
       s.row,
       c.col                                                                             as refout_col,
       float4_values(substring(s.sci from (c.col - s.first_col) * e.ngroups * 4 + 1 for e.ngroups * 4)) as sci
from corrected_refout_strip s
join product p on p.id = s.product_id and p.state = 'LOADED'
join exposure e on e.id = p.exposure_id
join detector d on d.sca_id = e.sca_id
join frame_column c on c.col >= s.first_col and c.col < s.first_col + s.ncols;

comment on view corrected_refout_v is 'Corrected reference-output ramps (REFOUT of RAMP products), one row per exposure, integration, row and reference-output column';
comment on column corrected_refout_v.exposure is 'Exposure name';
comment on column corrected_refout_v.detector is 'Detector name';
comment on column corrected_refout_v.sca_id is 'Detector SCA_ID';
comment on column corrected_refout_v.product_id is 'The RAMP product version';
comment on column corrected_refout_v.integration is 'Integration, 1-based';
comment on column corrected_refout_v.row is 'Full-frame row, 1-based';
comment on column corrected_refout_v.refout_col is 'Reference-output column, 1-based (1..258)';
comment on column corrected_refout_v.sci is 'REFOUT values per group, float32';

create view slope_v as
select e.name                                                    as exposure,
       d.name                                                    as detector,
       e.sca_id,
       s.product_id,
       p.kind,
       nullif(s.integration, 0)                                  as integration,
       s.row,
       c.col,
       pixel_id(s.row, c.col)                                    as pixel_id,
       float4_at(s.sci, c.col - s.first_col)                     as sci,
       float4_at(s.err, c.col - s.first_col)                     as err,
       uint32_at(s.dq, c.col - s.first_col)                      as dq,
       float4_at(s.var_poisson, c.col - s.first_col)             as var_poisson,
       float4_at(s.var_rnoise, c.col - s.first_col)              as var_rnoise
from slope_strip s
join product p on p.id = s.product_id and p.state = 'LOADED'
join exposure e on e.id = p.exposure_id
join detector d on d.sca_id = e.sca_id
join frame_column c on c.col >= s.first_col and c.col < s.first_col + s.ncols;

comment on view slope_v is 'Slopes: one row per exposure, product kind, integration and pixel; RATEINTS per integration, RATE with integration null. Joins raw_ramp_v and corrected_ramp_v on (exposure, integration, row, col)';
comment on column slope_v.exposure is 'Exposure name';
comment on column slope_v.detector is 'Detector name';
comment on column slope_v.sca_id is 'Detector SCA_ID';
comment on column slope_v.product_id is 'The RATEINTS or RATE product version';
comment on column slope_v.kind is 'RATEINTS or RATE';
comment on column slope_v.integration is 'Integration, 1-based, for RATEINTS; null for RATE';
comment on column slope_v.row is 'Full-frame row, 1-based';
comment on column slope_v.col is 'Full-frame column, 1-based';
comment on column slope_v.pixel_id is 'The prototype''s pixel number';
comment on column slope_v.sci is 'Slope (DN/s), exactly the file''s float32';
comment on column slope_v.err is 'ERR of the slope';
comment on column slope_v.dq is 'DQ mask (unsigned, as bigint); dq_names(dq) names it';
comment on column slope_v.var_poisson is 'VAR_POISSON';
comment on column slope_v.var_rnoise is 'VAR_RNOISE';

create view product_provenance_v as
select e.name            as exposure,
       p.kind,
       p.id              as product_id,
       p.checksum,
       p.source_key,
       p.loaded_at,
       p.cal_ver,
       p.cal_vcs,
       p.crds_ver,
       p.crds_ctx,
       p.steps,
       p.reference_files,
       p.header
from product p
join exposure e on e.id = p.exposure_id
where p.state = 'LOADED';

comment on view product_provenance_v is 'Loaded products with how the pipeline made them: steps ->> ''S_JUMP'', reference_files ->> ''R_MASK''; header holds every primary-header card';
comment on column product_provenance_v.exposure is 'Exposure name';
comment on column product_provenance_v.kind is 'RAW, RAMP, RATEINTS or RATE';
comment on column product_provenance_v.product_id is 'The product version';
comment on column product_provenance_v.checksum is 'SHA-256 of the file';
comment on column product_provenance_v.source_key is 'Object key the file was read from';
comment on column product_provenance_v.loaded_at is 'When its last chunk was committed';
comment on column product_provenance_v.cal_ver is 'CAL_VER';
comment on column product_provenance_v.cal_vcs is 'CAL_VCS';
comment on column product_provenance_v.crds_ver is 'CRDS_VER';
comment on column product_provenance_v.crds_ctx is 'CRDS_CTX';
comment on column product_provenance_v.steps is 'S_* step statuses as a JSON object';
comment on column product_provenance_v.reference_files is 'R_* reference files as a JSON object';
comment on column product_provenance_v.header is 'Every primary-header card, as in product.header';
