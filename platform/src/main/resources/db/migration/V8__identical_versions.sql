-- A second object (another key) for a product the exposure already has (the JPL raw file and its _pipe
-- conversion) is no longer refused on arrival: it loads beside the loaded version and, once complete, is
-- compared value by value with it. Identical content is a no-op like the same file again: its rows go,
-- and the version is remembered here, so that its chunks still in Kafka (a replay after a crash) are
-- acknowledged as held instead of awaited or stored. Content that differs is refused as before.

alter table refused_version add column identical_to text;

comment on table refused_version is 'Product versions the writers refused, removed, or found identical to the loaded version of another object: their chunks are not stored while the version has no product row; deleting the exposure forgets its versions';
comment on column refused_version.reason is 'Why it was refused or removed; for an identical version, the note its object was logged LOADED with';
comment on column refused_version.refused_at is 'When it was last refused, removed or found identical: an exposure record or chunk of the version sent before this is a replay';
comment on column refused_version.identical_to is 'bucket/key of the loaded object whose every stored value this version equals (a no-op, not a refusal); null when refused or removed';
comment on column ingest_log.reason is 'Why an object was rejected, ignored or failed, in words a user can act on; for a LOADED object, a note (its content equals the loaded object''s)';
comment on column ingest_status.reason is 'Why REJECTED or FAILED, in words a user can act on; for LOADED, the writer''s note (its content equals the loaded object''s)';
comment on column ingest_status.object_key is 'bucket/key of the object: normally one per product; a second file for a loaded product shows beside it, LOADED with a note when its content is identical, REJECTED with the reason when it differs';
