-- Issue 13, item 10: after an exposure was deleted, the ingest-status topology still holds its objects' old
-- attempts in its store, and any later change of the product (the first file dropped again) wrote them all back
-- into ingest_status: the old load's times and LOADED for files not received again yet. The topology cannot see
-- the deletion, so the table remembers when each exposure was last deleted, and the topology's copy skips every
-- object attempt received before it (IngestStatusTable). A trigger, so that every path that deletes an exposure
-- (the API's DELETE, SQL by hand, the system tests) forgets its status the same way.

create table ingest_status_deletion (
    exposure_name text        primary key,
    deleted_at    timestamptz not null
);

comment on table ingest_status_deletion is 'When each exposure was last deleted: ingest_status keeps no object attempt received before (the topology''s store still holds them)';
comment on column ingest_status_deletion.exposure_name is 'Exposure name';
comment on column ingest_status_deletion.deleted_at is 'Start of the deleting transaction; an object received later is a new drop';

create function forget_ingest_status() returns trigger
    language plpgsql
as $$
begin
    delete from ingest_status where exposure_name = old.name;
    insert into ingest_status_deletion (exposure_name, deleted_at) values (old.name, now())
        on conflict (exposure_name) do update set deleted_at = excluded.deleted_at;
    return old;
end
$$;

create trigger exposure_forgets_ingest_status after delete on exposure
    for each row execute function forget_ingest_status();
