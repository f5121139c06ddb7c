-- Decision 0020, migration path step 1: no triggers on exposure. Citus refuses to distribute a table with triggers
-- (or, with citus.enable_unsafe_triggers, runs them on every node's copy, where the coordinator's own tables they
-- write do not exist), and exposure becomes a reference table there. The two triggers' work moves into one function
-- that every statement deleting exposures follows in its transaction: the API's DELETE, a writer forgetting an
-- exposure left empty, the benchmark's re-load, and SQL by hand (`select forget_exposure('...')` after the delete).

drop trigger exposure_forgets_refused_versions on exposure;
drop trigger exposure_forgets_ingest_status on exposure;
drop function forget_refused_versions();
drop function forget_ingest_status();

-- What V5's and V12's triggers did, for an exposure the calling transaction has deleted: its refused versions are
-- forgotten (so that a file dropped anew loads), and the deletion is timed (so that ingest_status leaves out the
-- files of the deleted load). The writers may not touch the API's tables nor the API the writers' ones, so it runs
-- with its owner's rights, search_path pinned; it refuses a live exposure, so that it cannot hide one's status.
create function forget_exposure(forgotten text) returns void
    language plpgsql security definer set search_path = public, pg_temp
as $$
begin
    if exists (select from exposure where name = forgotten) then
        raise exception 'exposure % still exists: delete it first, in the same transaction', forgotten
            using errcode = 'object_in_use';
    end if;
    delete from refused_version where exposure = forgotten;
    insert into ingest_status_deletion (exposure_name, deleted_at) values (forgotten, now())
        on conflict (exposure_name) do update set deleted_at = excluded.deleted_at;
end
$$;

comment on function forget_exposure(text) is 'Call after deleting an exposure, in the same transaction: forgets its refused versions and times the deletion for ingest_status (decision 0020)';

revoke execute on function forget_exposure(text) from public;
grant execute on function forget_exposure(text) to pixeldb_load, pixeldb_api_write;
