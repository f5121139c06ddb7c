-- The ingest status per exposure, product and object (file), as the query API's ingest-status topology computes it
-- from the splitter's events and the writers' acknowledgements (decision 0009). The topology's state
-- lives in Kafka (its store's changelog); this table is its copy for every query-api instance to read.

create table ingest_status (
    id               bigint generated always as identity unique,
    exposure_name    text        not null,
    product_kind     text        not null check (product_kind in ('RAW', 'RAMP', 'RATEINTS', 'RATE')),
    state            text        not null check (state in ('RECEIVED', 'SPLITTING', 'LOADING', 'LOADED', 'REJECTED', 'FAILED')),
    reason           text,
    object_key       text        not null,
    etag             text,
    product_checksum text,
    chunk_count      integer,
    chunks_loaded    integer     not null,
    ramp_count       bigint,
    ramps_loaded     bigint      not null,
    received_at      timestamptz,
    first_chunk_at   timestamptz,
    split_at         timestamptz,
    loaded_at        timestamptz,
    ended_at         timestamptz,
    revision         bigint      not null,
    updated_at       timestamptz not null default now(),
    primary key (exposure_name, product_kind, object_key)
);

-- GET /api/v1/ingest: the most recently changed first, optionally of some states only.
create index ingest_status_recent on ingest_status (updated_at desc, id desc);
create index ingest_status_state on ingest_status (state, updated_at desc, id desc);

comment on table ingest_status is 'Where each object (file) dropped for each product of each exposure stands in the ingest; written by the ingest-status topology, read by GET /api/v1/ingest and /api/v1/exposures/{name}/status';
comment on column ingest_status.id is 'Surrogate key, for keyset paging';
comment on column ingest_status.exposure_name is 'Exposure name (from the file name before the header is read)';
comment on column ingest_status.product_kind is 'RAW, RAMP, RATEINTS or RATE';
comment on column ingest_status.state is 'RECEIVED, SPLITTING (chunks loading before the manifest), LOADING, LOADED, REJECTED, FAILED';
comment on column ingest_status.reason is 'Why REJECTED or FAILED, in words a user can act on';
comment on column ingest_status.object_key is 'bucket/key of the object: normally one per product; a second file for a loaded product is refused and shows with the reason';
comment on column ingest_status.etag is 'ETag of the latest version of the object';
comment on column ingest_status.product_checksum is 'SHA-256 of the product version once split';
comment on column ingest_status.chunk_count is 'Chunks of the product version (from the manifest, or from the chunks before it)';
comment on column ingest_status.chunks_loaded is 'Distinct chunks of the version the writers acknowledged';
comment on column ingest_status.ramp_count is 'Ramps the manifest announced';
comment on column ingest_status.ramps_loaded is 'Ramps of the acknowledged chunks';
comment on column ingest_status.received_at is 'When the splitter received the object version (RECEIVED)';
comment on column ingest_status.first_chunk_at is 'When the first chunk was committed (SPLITTING or LOADING)';
comment on column ingest_status.split_at is 'When the splitter published the manifest (LOADING)';
comment on column ingest_status.loaded_at is 'When the last missing chunk was committed (LOADED)';
comment on column ingest_status.ended_at is 'When the version was rejected or failed';
comment on column ingest_status.revision is 'Change counter of the topology: an update with a lower revision (a stale instance) is ignored';
comment on column ingest_status.updated_at is 'When this row last changed';
