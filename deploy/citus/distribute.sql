-- Decision 0020: where every table and function of the migrations lives on a Citus cluster. Run with psql as the
-- superuser on the coordinator, after db-setup migrated the schema (citus-setup in docker-compose.citus.yml):
--
--   psql --set=ON_ERROR_STOP=1 --set=coordinator=HOST --set=workers='HOST HOST ...' --file=distribute.sql
--
-- Every step checks before it acts, so it runs again on every `up` and places what a new migration added. The two
-- lists below name every table and function of the migrations: CitusComposeVariantTest (system-tests) fails the build
-- when a migration adds one that no line places, and the check after the lists stops a deployment that would leave one
-- behind.

-- Where each table goes, in the order it is placed: a table before the tables whose foreign keys point at it.
create temporary table placement (
    step                serial,
    table_name          text primary key,
    kind                text not null check (kind in ('reference', 'distributed', 'local')),
    distribution_column text,
    colocate_with       text,
    check ((kind = 'distributed') = (distribution_column is not null))
);

insert into placement (table_name, kind, distribution_column, colocate_with) values
    -- Reference tables, one copy on every node: small (a row per detector, column, flag, exposure, product version,
    -- evaluated exposure), joined by the strips on every worker, and the targets of their foreign keys (a foreign key
    -- may point from a distributed table to a reference table, never the other way).
    ('detector',               'reference',   null,         null),
    ('frame_column',           'reference',   null,         null),
    ('dq_flag',                'reference',   null,         null),
    ('dq_flag_alias',          'reference',   null,         null),
    ('exposure',               'reference',   null,         null),
    ('product',                'reference',   null,         null),
    ('exposure_health',        'reference',   null,         null),
    ('amplifier_health',       'reference',   null,         null),
    -- The bulk, hashed on the detector row: a pixel's life filters every strip table on `row = ?`, so it is one shard
    -- on one worker, while an exposure's 1,024 rows spread over all of them. One colocation group: a pixel's raw,
    -- corrected, PIXELDQ and slope strips and its health rows are on the same worker, and the pixel page stays one
    -- statement there. `row` is in every primary key, as Citus requires of a unique constraint.
    ('raw_ramp_strip',         'distributed', 'row',        'none'),
    ('refout_ramp_strip',      'distributed', 'row',        'raw_ramp_strip'),
    ('corrected_ramp_strip',   'distributed', 'row',        'raw_ramp_strip'),
    ('corrected_refout_strip', 'distributed', 'row',        'raw_ramp_strip'),
    ('pixeldq_strip',          'distributed', 'row',        'raw_ramp_strip'),
    ('slope_strip',            'distributed', 'row',        'raw_ramp_strip'),
    ('pixel_health',           'distributed', 'row',        'raw_ramp_strip'),
    -- Per product version and read per product version (a writer's claim of a chunk, the health's jump counts): hashed
    -- on it, so each such statement is one shard; too many rows a year (hundreds per product) to copy to every node.
    ('chunk_ledger',           'distributed', 'product_id', 'none'),
    ('jump_count_block',       'distributed', 'product_id', 'chunk_ledger'),
    -- Left on the coordinator: the ingest log and its deletions, refused versions, tokens and export jobs. Small,
    -- never joined with the strips, and the tables the exposure triggers and the ingest-status view work on.
    ('ingest_log',             'local',       null,         null),
    ('ingest_status_deletion', 'local',       null,         null),
    ('refused_version',        'local',       null,         null),
    ('api_token',              'local',       null,         null),
    ('export_job',             'local',       null,         null),
    ('export_part',            'local',       null,         null);

-- Functions the views and SQL users call on values: a query routed to a worker evaluates them there. The others work
-- on the coordinator's own tables (ingest log, refused versions) and stay there.
create temporary table function_placement (
    signature text primary key,
    kind      text not null check (kind in ('everywhere', 'local'))
);

insert into function_placement (signature, kind) values
    ('pixel_id(integer, integer)',           'everywhere'),
    ('pixel_row(integer)',                   'everywhere'),
    ('pixel_col(integer)',                   'everywhere'),
    ('ramp_samples(bytea)',                  'everywhere'),
    ('float4_from_bits(bigint)',             'everywhere'),
    ('uint32_at(bytea, integer)',            'everywhere'),
    ('float4_at(bytea, integer)',            'everywhere'),
    ('float4_values(bytea)',                 'everywhere'),
    ('uint8_values(bytea)',                  'everywhere'),
    ('uint8_or(bytea)',                      'everywhere'),
    ('dq_bit(text)',                         'everywhere'),
    ('dq_mask(text[])',                      'everywhere'),
    ('dq_has(bigint, text)',                 'everywhere'),
    ('dq_names(bigint)',                     'everywhere'),
    ('forget_exposure(text)',                'local'),
    ('file_state_rank(text)',                'local'),
    ('file_of_deleted_load(text, timestamp with time zone)', 'local');

-- Nothing moves while the schema has a table or function this file does not place (a migration newer than it), a
-- function signature it misspells, or a trigger on a
-- table that leaves the coordinator: Citus would run the trigger on every node's copy, where the coordinator's own
-- tables it writes do not exist (it refuses such tables unless citus.enable_unsafe_triggers is on). Migration V17 took
-- the last two off exposure (decision 0020, migration path step 1): a later one that adds a trigger stops here.
do $$
declare
    unplaced text;
    unknown text;
    triggered text;
begin
    -- The coordinator's copies of reference tables are shards named table_shardid: not tables of the migrations.
    select string_agg(c.relname, ', ' order by c.relname) into unplaced
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = 'public' and c.relkind in ('r', 'p') and c.relname !~ '_[0-9]+$'
       and c.relname <> 'flyway_schema_history'
       and not exists (select from placement p where p.table_name = c.relname);
    if unplaced is not null then
        raise exception 'deploy/citus/distribute.sql places no line for: %', unplaced
            using hint = 'add each table to the placement list (decision 0020 says how to choose)';
    end if;
    -- create_distributed_function needs each signature exactly as PostgreSQL spells it; extensions' functions aside.
    select string_agg(f.signature, ', ' order by f.signature) into unknown
      from function_placement f where to_regprocedure(f.signature) is null;
    select string_agg(p.oid::regprocedure::text, ', ' order by p.proname) into unplaced
      from pg_proc p join pg_namespace n on n.oid = p.pronamespace
     where n.nspname = 'public'
       and not exists (select from pg_depend d
                        where d.classid = 'pg_proc'::regclass and d.objid = p.oid and d.deptype = 'e')
       and not exists (select from function_placement f where to_regprocedure(f.signature) = p.oid);
    if unknown is not null or unplaced is not null then
        raise exception 'deploy/citus/distribute.sql names functions the schema does not have: %; places no line for: %',
            coalesce(unknown, 'none'), coalesce(unplaced, 'none');
    end if;
    select string_agg(t.tgrelid::regclass::text || '.' || t.tgname, ', ' order by t.tgname) into triggered
      from pg_trigger t join placement p on t.tgrelid = to_regclass(p.table_name)
     where not t.tgisinternal and p.kind <> 'local';
    if triggered is not null then
        raise exception 'tables that leave the coordinator still have triggers: %', triggered
            using hint = 'decision 0020, migration path step 1: their work moves into the statements that delete exposures';
    end if;
end
$$;

-- The nodes. The coordinator first, under the name the workers reach it by, as Citus's install guide does.
select citus_set_coordinator_host(:'coordinator', 5432);
select citus_add_node(worker, 5432)
  from unnest(string_to_array(:'workers', ' ')) as worker
 where not exists (select from pg_dist_node where nodename = worker);

-- The value functions on every node, present and future (calling it again for a distributed function re-registers it).
select format('select create_distributed_function(%L)', signature)
  from function_placement where kind = 'everywhere' order by signature
\gexec

-- The writers' and the API's transactions update a reference table (product's progress, exposure_health) in the
-- transaction that copies into distributed ones. With a foreign key from those to the reference table, Citus then
-- needs one connection per worker for the whole transaction; set for the session, instead of failing it after the
-- first parallel COPY. A chunk's COPY still reaches every worker at once, one connection each.
alter role pixeldb_loader set citus.multi_shard_modify_mode = 'sequential';
alter role pixeldb_api_writer set citus.multi_shard_modify_mode = 'sequential';

-- 32 shards per distributed table: 22-40 detector rows each (the hash of 1..1024), room for up to 32 workers.
set citus.shard_count = 32;

select format('select create_reference_table(%L)', table_name)
  from placement
 where kind = 'reference' and not exists (select from pg_dist_partition where logicalrelid = to_regclass(table_name))
 order by step
\gexec

-- A table distributed with rows in it keeps them on the coordinator too, where no Citus query reads them: truncated
-- once its shards hold them. On a database already in terabytes use create_distributed_table_concurrently instead, by
-- hand, table by table (decision 0020, step 3).
select format('select create_distributed_table(%L, %L, colocate_with => %L)', table_name, distribution_column,
              colocate_with),
       format('select truncate_local_data_after_distributing_table(%L)', table_name)
  from placement
 where kind = 'distributed' and not exists (select from pg_dist_partition where logicalrelid = to_regclass(table_name))
 order by step
\gexec

select p.kind, count(*) as tables, string_agg(p.table_name, ', ' order by p.step) as names
  from placement p group by p.kind order by p.kind;
