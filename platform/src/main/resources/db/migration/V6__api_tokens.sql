-- Bearer tokens of the query API. Only the SHA-256 of a token is stored: a copy of the database (or of a
-- backup) gives no one the right to change data. Tokens are random, so an unsalted hash suffices.

create table api_token (
    sha256     text        primary key check (sha256 ~ '^[0-9a-f]{64}$'),
    role       text        not null check (role in ('ADMIN', 'READ')),
    label      text        not null,
    created_at timestamptz not null default now()
);

comment on table api_token is 'Bearer tokens the query API accepts, stored as the SHA-256 of the token';
comment on column api_token.sha256 is 'Lower-case hex SHA-256 of the token text (UTF-8)';
comment on column api_token.role is 'ADMIN: may change data (DELETE) and read; READ: may read when reads need a token';
comment on column api_token.label is 'Who or what the token is for, e.g. "local stack admin"';
comment on column api_token.created_at is 'When the token was registered';
