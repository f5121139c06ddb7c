-- Strips of up to 3,960 bytes of values, two to a table page, instead of 1,960 (four to a page): PostgreSQL's COPY
-- takes about a quarter less CPU for the same bytes in half the rows, and the tables are 4 % smaller
-- (docs/decisions/0029-wider-strips.md, docs/bench/strip-width.sh). A row longer than toast_tuple_target is moved
-- out of line (TOAST); PostgreSQL's default target, 2,032 bytes, is what kept the old strips at 1,960. 4,080 bytes is
-- half a page less its header and line pointers, so a strip still reads as one heap page. Rows already stored keep
-- their width: readers take first_col and ncols from each row.
alter table raw_ramp_strip set (toast_tuple_target = 4080);
alter table refout_ramp_strip set (toast_tuple_target = 4080);
alter table corrected_ramp_strip set (toast_tuple_target = 4080);
alter table corrected_refout_strip set (toast_tuple_target = 4080);
alter table pixeldq_strip set (toast_tuple_target = 4080);
alter table slope_strip set (toast_tuple_target = 4080);

comment on table raw_ramp_strip is 'Raw science ramps (SCI), one row per product, integration and run of pixels of one detector row: the ramps of ncols consecutive pixels from first_col on (at most 3,960 bytes when ramps allow, 1,960 before migration V19). Read them through raw_ramp_v';
