-- Issue 17, item 1 (decision 0015): one store of what happened to each file. Until V11 the writers kept ingest_log
-- (a row per object version, written in their load transactions) and the query API's ingest-status topology kept
-- ingest_status (a row per exposure, product and object key: progress and transition times). Now ingest_log is the
-- only table: the writers write it as before, in the transactions that store the rows, and the topology writes its
-- progress (chunks n of m, ramps, SPLITTING before the manifest, the split time) into the same rows. Either side
-- may be first; the topology never moves a file back (file_state_rank). ingest_status is a view of it with the old columns, so
-- GET /api/v1/ingest, /exposures/{name}/status and every query of the old table keep working.
--
-- The writers own the verdicts (LOADED, REJECTED, IGNORED, FAILED, with reason and time): they decide them in the
-- transactions that store or refuse the rows. The topology derives its verdicts later from acknowledgements, and may
-- derive one from an older version of the same content (a refusal, when the file is dropped again), so it writes
-- only how far a file has come.
--
-- One vocabulary for a file's state (loader's FileState): RECEIVED, SPLITTING, LOADING, LOADED, REJECTED, IGNORED,
-- FAILED. SPLIT (records on Kafka) is LOADING: the writers never wrote it since the manifest's SPLIT became
-- LOADING or LOADED; old rows are moved.

alter table ingest_log drop constraint ingest_log_state_check;
update ingest_log set state = 'LOADING' where state = 'SPLIT';
alter table ingest_log add constraint ingest_log_state_check
    check (state in ('RECEIVED', 'SPLITTING', 'LOADING', 'LOADED', 'REJECTED', 'IGNORED', 'FAILED'));

alter table ingest_log
    add column chunk_count    integer,
    add column chunks_loaded  integer not null default 0,
    add column ramp_count     bigint,
    add column ramps_loaded   bigint  not null default 0,
    add column first_chunk_at timestamptz,
    add column split_at       timestamptz,
    add column loaded_at      timestamptz,
    add column ended_at       timestamptz,
    add column revision       bigint;

comment on table ingest_log is 'Every file (object version) the ingest saw and what became of it: the one store of the ingest status. The writers write state and reason in their load transactions; the ingest-status topology adds progress and transition times';
comment on column ingest_log.state is 'RECEIVED, SPLITTING (chunks loading before the manifest), LOADING (split; chunks loading), LOADED, REJECTED (bad input, see reason), IGNORED (not a product), FAILED (internal error, see reason; retried)';
comment on column ingest_log.received_at is 'When the object version was first seen: the splitter''s RECEIVED time once the topology wrote it, else when a writer first saw it';
comment on column ingest_log.chunk_count is 'Chunks of the product version (from the manifest, or from the chunks before it); topology';
comment on column ingest_log.chunks_loaded is 'Distinct chunks of the version the writers acknowledged; topology';
comment on column ingest_log.ramp_count is 'Ramps (slope pixels) the manifest announced; topology';
comment on column ingest_log.ramps_loaded is 'Ramps of the acknowledged chunks; topology';
comment on column ingest_log.first_chunk_at is 'When the first chunk was committed; topology';
comment on column ingest_log.split_at is 'When the splitter published the manifest (LOADING); topology';
comment on column ingest_log.loaded_at is 'When the file became LOADED: the writer''s commit, or the last acknowledgement the topology saw';
comment on column ingest_log.ended_at is 'When the file was rejected, ignored or failed';
comment on column ingest_log.revision is 'The topology''s change counter for the product: an update with a lower revision (a stale instance) is ignored; null until the topology wrote the row';

-- How far a file has come: the topology's write that would not take a file further keeps the state it has. FAILED
-- ranks with RECEIVED, since a failed split is retried and any progress of the retry supersedes it.
create function file_state_rank(state text) returns integer
    language sql immutable parallel safe
as $$
    select case $1 when 'RECEIVED' then 0 when 'FAILED' then 0 when 'SPLITTING' then 1 when 'LOADING' then 2 else 3 end
$$;

-- A row whose exposure was deleted after the file was received belongs to the deleted load: the next attempt of
-- the same object version (the file dropped again) starts it afresh instead of finding it LOADED.
create function file_of_deleted_load(exposure text, received timestamptz) returns boolean
    language sql stable
as $$
    select exists (select 1 from ingest_status_deletion d where d.exposure_name = $1 and d.deleted_at > $2)
$$;

-- The topology's copy, carried over: into the row of the same object version, or a row of its own.
update ingest_log l
   set chunk_count = s.chunk_count, chunks_loaded = s.chunks_loaded, ramp_count = s.ramp_count,
       ramps_loaded = s.ramps_loaded, first_chunk_at = s.first_chunk_at, split_at = s.split_at,
       loaded_at = s.loaded_at, ended_at = s.ended_at, revision = s.revision,
       received_at = least(l.received_at, s.received_at),
       exposure_name = coalesce(l.exposure_name, s.exposure_name), product_kind = coalesce(l.product_kind, s.product_kind),
       product_checksum = coalesce(l.product_checksum, s.product_checksum),
       state = case when file_state_rank(s.state) > file_state_rank(l.state) then s.state else l.state end
  from ingest_status s
 where s.object_key = l.bucket || '/' || l.object_key and s.etag is not distinct from l.etag;

insert into ingest_log (bucket, object_key, etag, exposure_name, product_kind, state, reason, product_checksum,
                        chunk_count, chunks_loaded, ramp_count, ramps_loaded, received_at, first_chunk_at, split_at,
                        loaded_at, ended_at, revision, updated_at)
select split_part(s.object_key, '/', 1), substr(s.object_key, length(split_part(s.object_key, '/', 1)) + 2), s.etag,
       s.exposure_name, s.product_kind, s.state, s.reason, s.product_checksum, s.chunk_count, s.chunks_loaded,
       s.ramp_count, s.ramps_loaded, coalesce(s.received_at, s.updated_at), s.first_chunk_at, s.split_at, s.loaded_at,
       s.ended_at, s.revision, s.updated_at
  from ingest_status s
 where not exists (select 1 from ingest_log l
                    where s.object_key = l.bucket || '/' || l.object_key and s.etag is not distinct from l.etag);

-- Deleting an exposure no longer deletes status rows (there are none): it remembers when, and the view leaves out
-- the files of the deleted load. The rows stay in the log, as ingest_log always kept files (only the API's DELETE
-- deletes an exposure's log with it). A writer forgetting an exposure left empty must keep its own rows.
create or replace function forget_ingest_status() returns trigger
    language plpgsql security definer set search_path = public, pg_temp
as $$
begin
    insert into ingest_status_deletion (exposure_name, deleted_at) values (old.name, now())
        on conflict (exposure_name) do update set deleted_at = excluded.deleted_at;
    return old;
end
$$;

drop table ingest_status;

-- Paging of GET /api/v1/ingest (most recently changed first), and the view's test for a newer version of a key.
create index ingest_log_recent on ingest_log (updated_at desc, id desc);
create index ingest_log_state_recent on ingest_log (state, updated_at desc, id desc);
create index ingest_log_key on ingest_log (bucket, object_key, received_at desc, id desc);

-- Where each file dropped for each product of each exposure stands: the latest version of every object key that
-- names a product, leaving out the files of a deleted load.
create view ingest_status as
select l.id, l.exposure_name, l.product_kind, l.state, l.reason, l.bucket || '/' || l.object_key as object_key,
       l.etag, l.product_checksum, l.chunk_count, l.chunks_loaded, l.ramp_count, l.ramps_loaded, l.received_at,
       l.first_chunk_at, l.split_at,
       -- A writer's verdict is timed at its transaction's start, which may precede the chunk acknowledgements and the
       -- manifest the topology timed: a verdict never shows before what led to it.
       case when l.loaded_at is not null then greatest(l.loaded_at, l.received_at, l.first_chunk_at, l.split_at) end
           as loaded_at,
       case when l.ended_at is not null then greatest(l.ended_at, l.received_at, l.first_chunk_at, l.split_at) end
           as ended_at,
       l.revision, l.updated_at
  from ingest_log l
 where l.exposure_name is not null and l.product_kind is not null and l.state <> 'IGNORED'
   and not file_of_deleted_load(l.exposure_name, l.received_at)
   and not exists (select 1 from ingest_log n
                    where n.bucket = l.bucket and n.object_key = l.object_key
                      and (n.received_at, n.id) > (l.received_at, l.id));

comment on view ingest_status is 'Where each file dropped for each product of each exposure stands (the latest version of each object key), from ingest_log; read by GET /api/v1/ingest and /api/v1/exposures/{name}/status';

-- The topology writes its progress into ingest_log now; the writers check deletions when a file comes again.
grant insert, update on ingest_log to pixeldb_api_write;
grant select on ingest_status_deletion to pixeldb_load;
grant select on ingest_status to pixeldb_read, pixeldb_api_write;
