-- Issue 14: detector health, per exposure, from its loaded slopes (the rules of decision 0014, health-core). The
-- query API evaluates an exposure when its RATEINTS or RATE product becomes LOADED (decision 0017) and answers from
-- these tables. Only the flagged pixels are stored: a pixel of an evaluated exposure without a row is healthy.
-- Every row goes with its exposure (and with the slope product it was computed from: a new version of the product
-- replaces the old one's rows when it is evaluated in turn).

create table exposure_health (
    exposure_id     integer     primary key references exposure on delete cascade,
    product_id      integer     not null references product on delete cascade,
    product_kind    text        not null check (product_kind in ('RATEINTS', 'RATE')),
    ramp_product_id integer     references product on delete cascade,
    integrations    smallint    not null check (integrations >= 1),
    considered      integer     not null check (considered >= 0),
    hot             integer     not null,
    warm            integer     not null,
    dead            integer     not null,
    noisy           integer     not null,
    jumpy           integer     not null,
    jumps_evaluated boolean     not null,
    thresholds      jsonb       not null,
    evaluated_at    timestamptz not null default now(),
    published_at    timestamptz
);

comment on table exposure_health is 'The detector health of an exposure: which slope product it was computed from, with which thresholds, and how many pixels have each state';
comment on column exposure_health.product_id is 'The RATEINTS (preferred) or RATE product version whose slopes were evaluated';
comment on column exposure_health.ramp_product_id is 'The RAMP product version whose GROUPDQ gave the jump counts (JUMPY); null when none was loaded';
comment on column exposure_health.considered is 'Pixels considered in at least one integration (finite slope, no DO_NOT_USE, no reference pixel)';
comment on column exposure_health.jumps_evaluated is 'Whether JUMPY was judged: the corrected ramps (RAMP) were loaded';
comment on column exposure_health.published_at is 'When its pixel-state changes went to the pixel-health topic; null until then (they are sent again at the next status change)';
comment on column exposure_health.thresholds is 'The health-core thresholds used (sigma limits, fractions, clipping)';

create table pixel_health (
    exposure_id    integer  not null references exposure_health on delete cascade,
    row            smallint not null check (row between 1 and 1024),
    col            smallint not null check (col between 1 and 1032),
    states         text[]   not null check (cardinality(states) >= 1),
    integrations   smallint not null,
    hot_fraction   real,
    warm_fraction  real,
    illuminated    smallint not null,
    dead_fraction  real,
    noise          real,
    mean_jumps     real,
    primary key (exposure_id, row, col)
);

-- A pixel's health over time reads the rows of one pixel across exposures.
create index pixel_health_pixel on pixel_health (row, col);

comment on table pixel_health is 'The flagged pixels of an evaluated exposure (HOT, WARM, DEAD, NOISY, JUMPY) and the statistics behind each verdict; full-frame 1-based rows and columns';
comment on column pixel_health.integrations is 'Integrations where the pixel was considered';
comment on column pixel_health.hot_fraction is 'Share of those with slope above median + hot sigma x std of its amplifier';
comment on column pixel_health.warm_fraction is 'Share of those with slope above median + warm sigma x std';
comment on column pixel_health.illuminated is 'Of those, integrations whose amplifier was illuminated (DEAD is judged on them)';
comment on column pixel_health.dead_fraction is 'Share of the illuminated ones with |slope| below the dead fraction of the median';
comment on column pixel_health.noise is 'Sample standard deviation (ddof 1) of its integration slopes; null when NOISY was not judged';
comment on column pixel_health.mean_jumps is 'Mean JUMP_DET groups per integration; null without corrected ramps';

create table amplifier_health (
    exposure_id integer          not null references exposure_health on delete cascade,
    integration smallint         not null,
    amplifier   smallint         not null check (amplifier between 1 and 4),
    median      double precision,
    std         double precision,
    pixels      integer          not null,
    hot         integer          not null,
    warm        integer          not null,
    dead        integer          not null,
    noisy       integer          not null,
    jumpy       integer          not null,
    primary key (exposure_id, integration, amplifier)
);

comment on table amplifier_health is 'Trend data: per exposure, integration and amplifier, the sigma-clipped median and standard deviation of the considered slopes (DN/s), how many pixels were considered and how many of those have each state';

grant insert, update, delete on exposure_health, pixel_health, amplifier_health to pixeldb_api_write;
