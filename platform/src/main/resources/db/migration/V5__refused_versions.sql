-- Chunks of a product version can reach a writer before (or long after) the version's Exposure record:
-- Kafka orders neither topic against the other. A version that the writers refused (it contradicts its
-- exposure, or another object's version of the product) or removed (a newer version replaced it)
-- never gets its product row, so its chunks must be dropped instead of awaited. This table says which;
-- a version registered again (its exposure was deleted, and the file dropped anew) leaves it.
-- And the ingest log learns each object's product version, so that completion is logged exactly.

create table refused_version (
    exposure   text        not null,
    kind       text        not null check (kind in ('RAW', 'RAMP', 'RATEINTS', 'RATE')),
    checksum   text        not null check (checksum ~ '^[0-9a-f]{64}$'),
    reason     text        not null,
    refused_at timestamptz not null default now(),
    primary key (exposure, kind, checksum)
);

comment on table refused_version is 'Product versions refused or removed by the writers: their chunks are dropped while the version has no product row; deleting the exposure forgets its versions';
comment on column refused_version.exposure is 'Exposure name of the version';
comment on column refused_version.kind is 'Product kind of the version';
comment on column refused_version.checksum is 'SHA-256 of the product file: the version';
comment on column refused_version.reason is 'Why it was refused or removed';
comment on column refused_version.refused_at is 'When it was last refused or removed: an exposure record of the version sent before this is a replay and ignored';

-- Deleting an exposure (the way to load a refused file after all) forgets what was refused about it.
create function forget_refused_versions() returns trigger
    language plpgsql
as $$
begin
    delete from refused_version where exposure = old.name;
    return old;
end
$$;

create trigger exposure_forgets_refused_versions after delete on exposure
    for each row execute function forget_refused_versions();

alter table ingest_log add column product_checksum text check (product_checksum ~ '^[0-9a-f]{64}$');

create index ingest_log_product on ingest_log (exposure_name, product_kind, product_checksum);

comment on column ingest_log.product_checksum is 'SHA-256 of the object''s content once the splitter read it: the product version it became; null before, and for objects that are no product';
