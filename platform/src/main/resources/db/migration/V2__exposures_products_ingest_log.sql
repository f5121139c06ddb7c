-- Exposures, the product versions loaded for them, and the log of every object the ingest saw.

create table exposure (
    id              integer generated always as identity primary key,
    name            text             not null unique,
    sca_id          smallint         not null references detector,
    subarray        text             not null,
    substrt1        integer          not null check (substrt1 between 1 and 1032),
    substrt2        integer          not null check (substrt2 between 1 and 1024),
    subsize1        integer          not null check (subsize1 >= 1 and substrt1 + subsize1 - 1 <= 1032),
    subsize2        integer          not null check (subsize2 >= 1 and substrt2 + subsize2 - 1 <= 1024),
    readpatt        text,
    nints           integer          not null check (nints >= 1),
    ngroups         integer          not null check (ngroups >= 1),
    nframes         integer          not null check (nframes >= 1),
    groupgap        integer,
    tframe          double precision,
    tgroup          double precision,
    inttime         double precision,
    exptime         double precision,
    date_obs        timestamptz,
    date_end        timestamptz,
    exp_type        text,
    origin          text             not null check (origin in ('FLIGHT', 'JPL', 'OTIS')),
    origin_detector text,
    origin_sca_id   integer,
    created_at      timestamptz      not null default now()
);

create index exposure_sca_date on exposure (sca_id, date_obs);

comment on table exposure is 'One MIRI exposure; its products (raw, ramp, rateints, rate) share it. Deleting it deletes every row that belongs to it';
comment on column exposure.id is 'Surrogate key referenced by product';
comment on column exposure.name is 'Exposure name: the file stem without the product suffix, e.g. jw01024001001_02101_00001_mirimage';
comment on column exposure.sca_id is 'Detector (SCA_ID) the exposure was taken with; JPL ground tests are loaded as MIRIMAGE (493)';
comment on column exposure.subarray is 'Subarray name (SUBARRAY), FULL for the full frame, GENERIC when a ground-test frame matches no MIRI subarray';
comment on column exposure.substrt1 is 'First full-frame column of the subarray (SUBSTRT1, 1-based)';
comment on column exposure.substrt2 is 'First full-frame row of the subarray (SUBSTRT2, 1-based)';
comment on column exposure.subsize1 is 'Number of columns of the subarray (SUBSIZE1)';
comment on column exposure.subsize2 is 'Number of rows of the subarray (SUBSIZE2)';
comment on column exposure.readpatt is 'Readout pattern (READPATT), e.g. FAST, SLOW, FASTR1; null when absent';
comment on column exposure.nints is 'Number of integrations (NINTS)';
comment on column exposure.ngroups is 'Number of groups per integration (NGROUPS): the length of every ramp';
comment on column exposure.nframes is 'Frames averaged per group (NFRAMES), 1 for MIRI';
comment on column exposure.groupgap is 'Frames dropped between groups (GROUPGAP); null when absent';
comment on column exposure.tframe is 'Time between frames in seconds (TFRAME); null when absent';
comment on column exposure.tgroup is 'Time between groups in seconds (TGROUP); null when absent';
comment on column exposure.inttime is 'Effective integration time in seconds (EFFINTTM or INTTIME); null when absent';
comment on column exposure.exptime is 'Effective exposure time in seconds (EFFEXPTM or EXPTIME); null when absent';
comment on column exposure.date_obs is 'UTC start of the exposure; null when the header holds a placeholder such as yyyy-mm-dd, never an invented date';
comment on column exposure.date_end is 'UTC end of the exposure; null when unknown';
comment on column exposure.exp_type is 'Exposure type (EXP_TYPE), e.g. MIR_IMAGE or MIR_DARKIMG; null when absent';
comment on column exposure.origin is 'FLIGHT (JWST), JPL or OTIS (ground-test campaigns)';
comment on column exposure.origin_detector is 'The file''s own DETECTOR value when it differs from the MIRI name (e.g. IC in JPL files); null otherwise';
comment on column exposure.origin_sca_id is 'The file''s own SCA_ID value when it differs from sca_id (e.g. 20 in JPL files); null otherwise';
comment on column exposure.created_at is 'When the first product of the exposure was registered';

create table product (
    id                   integer generated always as identity primary key,
    exposure_id          integer     not null references exposure on delete cascade,
    kind                 text        not null check (kind in ('RAW', 'RAMP', 'RATEINTS', 'RATE')),
    checksum             text        not null check (checksum ~ '^[0-9a-f]{64}$'),
    source_bucket        text        not null,
    source_key           text        not null,
    source_etag          text,
    source_size          bigint      not null check (source_size >= 0),
    source_last_modified timestamptz,
    header               jsonb       not null,
    split_at             timestamptz not null,
    chunk_count          integer     check (chunk_count >= 1),
    chunks_loaded        integer     not null default 0 check (chunks_loaded >= 0),
    state                text        not null default 'LOADING' check (state in ('LOADING', 'LOADED')),
    created_at           timestamptz not null default now(),
    loaded_at            timestamptz,
    unique (exposure_id, kind, checksum),
    check (chunk_count is null or chunks_loaded <= chunk_count),
    check ((state = 'LOADED') = (loaded_at is not null))
);

-- Until replacing a changed file is implemented, an exposure holds one version of each product kind;
-- the index makes a concurrent second version fail instead of mixing with the first.
create unique index product_one_version_per_kind on product (exposure_id, kind);

comment on table product is 'One loaded version of one product (file) of an exposure; the version is the SHA-256 of the file';
comment on column product.id is 'Surrogate key referenced by the ramp tables and the chunk ledger';
comment on column product.exposure_id is 'The exposure the product belongs to';
comment on column product.kind is 'RAW (_uncal), RAMP (_ramp), RATEINTS (_rateints) or RATE (_rate)';
comment on column product.checksum is 'Lower-case hex SHA-256 of the file content: identifies this version of the product';
comment on column product.source_bucket is 'Object-store bucket the file was read from';
comment on column product.source_key is 'Object key the file was read from';
comment on column product.source_etag is 'ETag of the object, without quotes; null when the store gave none';
comment on column product.source_size is 'Size of the object in bytes';
comment on column product.source_last_modified is 'Last-modified time the store reported; null when it gave none';
comment on column product.header is 'Every primary-header card in file order, as a JSON array of {keyword, value, comment} (absent members are null in the file); COMMENT and HISTORY cards included';
comment on column product.split_at is 'When the splitter read the file';
comment on column product.chunk_count is 'Number of chunks the splitter cut the product into; null until the first chunk arrives';
comment on column product.chunks_loaded is 'Number of distinct chunks loaded so far (rows of chunk_ledger)';
comment on column product.state is 'LOADING until every chunk is in, then LOADED';
comment on column product.created_at is 'When the product metadata was registered';
comment on column product.loaded_at is 'When the last chunk was committed; null while LOADING';

create table ingest_log (
    id            bigint generated always as identity primary key,
    bucket        text        not null,
    object_key    text        not null,
    etag          text,
    exposure_name text,
    product_kind  text        check (product_kind in ('RAW', 'RAMP', 'RATEINTS', 'RATE')),
    state         text        not null check (state in ('RECEIVED', 'SPLIT', 'LOADING', 'LOADED', 'REJECTED', 'IGNORED', 'FAILED')),
    reason        text,
    received_at   timestamptz not null default now(),
    updated_at    timestamptz not null default now(),
    unique nulls not distinct (bucket, object_key, etag)
);

create index ingest_log_exposure on ingest_log (exposure_name);

comment on table ingest_log is 'Every object the ingest saw and what became of it: the status a user asks for';
comment on column ingest_log.id is 'Surrogate key';
comment on column ingest_log.bucket is 'Bucket of the object';
comment on column ingest_log.object_key is 'Key of the object';
comment on column ingest_log.etag is 'ETag of the object version, without quotes; null when the store gave none. A new ETag is a new entry';
comment on column ingest_log.exposure_name is 'Exposure the object belongs to, once the splitter has read it; null before';
comment on column ingest_log.product_kind is 'Product kind of the object, once known';
comment on column ingest_log.state is 'RECEIVED, SPLIT (records on Kafka), LOADING, LOADED, REJECTED (bad input, see reason), IGNORED (not a product), FAILED (internal error, see reason)';
comment on column ingest_log.reason is 'Why an object was rejected, ignored or failed, in words a user can act on';
comment on column ingest_log.received_at is 'When the object was first seen';
comment on column ingest_log.updated_at is 'When the state last changed';
