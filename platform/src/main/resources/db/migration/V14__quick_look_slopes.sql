-- Issue 14, item 1: quick-look slopes for every raw product. The query API fits each raw ramp of a LOADED RAW
-- product (health-core's QuickLookSlope: ordinary least squares in DN/s over the groups after the first and before
-- the last, samples >= 65,000 DN left out) and stores the slopes as a product of its own, kind QUICKLOOK, in
-- slope_strip like a RATEINTS (one plane per integration). It is derived from one RAW product version and goes
-- with it: a changed uncal file replaces the RAW version, and the cascade takes its quick-look slopes along.

alter table product drop constraint product_kind_check;
alter table product add constraint product_kind_check
    check (kind in ('RAW', 'RAMP', 'RATEINTS', 'RATE', 'QUICKLOOK'));
alter table product add column derived_from integer references product on delete cascade;
alter table product add constraint product_derived_only_quick_look check ((kind = 'QUICKLOOK') = (derived_from is not null));
create index product_derived_from on product (derived_from) where derived_from is not null;

comment on column product.kind is 'RAW (_uncal), RAMP (_ramp), RATEINTS (_rateints), RATE (_rate), or QUICKLOOK (slopes the database fitted to a RAW product''s ramps)';
comment on column product.derived_from is 'For QUICKLOOK: the RAW product version whose ramps were fitted (its source_* columns and checksum are that file''s; header.QL_* says how the slopes were computed); null for products read from a file';
comment on column slope_strip.product_id is 'The RATEINTS, RATE or QUICKLOOK product version';

alter table exposure_health drop constraint exposure_health_product_kind_check;
alter table exposure_health add constraint exposure_health_product_kind_check
    check (product_kind in ('RATEINTS', 'RATE', 'QUICKLOOK'));
comment on column exposure_health.product_id is 'The slope product version evaluated: RATEINTS, else RATE, else QUICKLOOK (the first loaded)';

-- The API stores the quick-look product beside the health it evaluates from it (decision 0017).
grant insert on product, slope_strip to pixeldb_api_write;
