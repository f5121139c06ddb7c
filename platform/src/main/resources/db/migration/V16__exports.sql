-- Issue 16: Parquet exports as asynchronous jobs (decision 0019). query-api plans and prices a job, stores it here
-- with one row per part, and publishes the parts to Kafka; exporters report what they did on the export-events
-- topic, and query-api folds those events into export_part (a part's row is the fold's state: every event touches
-- one row, and a repeated event rewrites it with the same values). The job's state is derived from its parts.

alter table api_token drop constraint api_token_role_check;
alter table api_token add constraint api_token_role_check check (role in ('ADMIN', 'READ', 'EXPORT'));
comment on column api_token.role is 'ADMIN: may change data (DELETE), export and read; EXPORT: may export (and read); READ: may read when reads need a token';

create table export_job (
    id             uuid        primary key,
    selection      jsonb       not null,
    products       text[]      not null,
    exposures      integer     not null check (exposures >= 1),
    parts          integer     not null check (parts >= 1),
    priced_rows    bigint      not null check (priced_rows >= 0),
    priced_bytes   bigint      not null check (priced_bytes >= 0),
    skipped        jsonb       not null default '[]',
    requested_by   text        not null,
    created_at     timestamptz not null default now(),
    cancelled_at   timestamptz,
    publish_failed text
);

comment on table export_job is 'An export job: what was asked for, what it was priced at, and whether it was cancelled. Its state (QUEUED, RUNNING, DONE, FAILED, CANCELLED) follows from its parts';
comment on column export_job.id is 'The job id, as the API and the bucket''s exports/{id}/ prefix name it';
comment on column export_job.selection is 'The request as the API understood it (exposures or their filters, products, rows, cols, integrations, flags)';
comment on column export_job.products is 'The products asked for (RAW, REFOUT, RAMP, RATEINTS, RATE, QUICKLOOK)';
comment on column export_job.exposures is 'How many exposures the selection matched';
comment on column export_job.parts is 'How many parts (files) it was cut into';
comment on column export_job.priced_rows is 'Ramps (rows of the files) priced before the job started; the files hold exactly these unless flags filter';
comment on column export_job.priced_bytes is 'Values'' bytes priced before the job started (uncompressed), checked against the configured limit';
comment on column export_job.skipped is 'The exposures'' products the selection named that have nothing to export, each with the reason (not loaded, region outside the window)';
comment on column export_job.requested_by is 'The label of the token that asked';
comment on column export_job.created_at is 'When the job was submitted';
comment on column export_job.cancelled_at is 'When it was cancelled; exporters skip the parts of a cancelled job';
comment on column export_job.publish_failed is 'Why its parts could not be published to Kafka; the job is FAILED';

create table export_part (
    job_id       uuid        not null references export_job on delete cascade,
    part_index   integer     not null check (part_index >= 0),
    exposure     text        not null,
    product      text        not null check (product in ('RAW', 'REFOUT', 'RAMP', 'RATEINTS', 'RATE', 'QUICKLOOK')),
    file_name    text        not null,
    object_key   text        not null,
    priced_rows  bigint      not null check (priced_rows >= 0),
    state        text        not null default 'QUEUED' check (state in ('QUEUED', 'RUNNING', 'DONE', 'FAILED', 'SKIPPED')),
    rows         bigint,
    bytes        bigint,
    reason       text,
    exporter     text,
    updated_at   timestamptz not null default now(),
    primary key (job_id, part_index),
    unique (job_id, file_name)
);

comment on table export_part is 'One part of an export job: one product of one exposure in a band of rows, written as one Parquet file; its state is folded from the exporters'' events';
comment on column export_part.job_id is 'The job';
comment on column export_part.part_index is 'The part''s number within the job, 0-based';
comment on column export_part.exposure is 'Exposure name';
comment on column export_part.product is 'What the file holds';
comment on column export_part.file_name is 'The file''s name, unique within the job';
comment on column export_part.object_key is 'Where the file goes in the bucket: exports/{job}/{file}';
comment on column export_part.priced_rows is 'Ramps priced for the part';
comment on column export_part.state is 'QUEUED, RUNNING (an exporter took it), DONE (its file is in the bucket), FAILED, or SKIPPED (the job was cancelled or failed first)';
comment on column export_part.rows is 'Rows in the file (DONE)';
comment on column export_part.bytes is 'Size of the file (DONE)';
comment on column export_part.reason is 'Why it failed or was skipped';
comment on column export_part.exporter is 'The exporter instance that reported last';
comment on column export_part.updated_at is 'When the last event about it arrived';

grant select, insert, update, delete on export_job, export_part to pixeldb_api_write;
