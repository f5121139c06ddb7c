-- Issue 14: a full-frame exposure's health within 5 s of its last product LOADED. The JUMPY rule needs each pixel's
-- JUMP_DET groups per integration; counting them from corrected_ramp_strip read all of a RAMP product's GROUPDQ
-- (105 MB, 532,480 strips for 5 x 20 full frame) and took 7.6 s of the 10.2 s evaluation. The corrected writer counts
-- them from the chunk it holds anyway and stores one block per chunk, in the chunk's transaction: a few hundred
-- rows of 2 bytes per pixel. Derived from the GROUPDQ the product stores, so not compared when a second file is
-- found identical; it goes with its product version. Products loaded before this migration have no blocks: the
-- API counts from GROUPDQ for them (decision 0017).

create table jump_count_block (
    product_id  integer  not null references product on delete cascade,
    integration smallint not null check (integration >= 1),
    first_row   smallint not null check (first_row between 1 and 1024),
    nrows       smallint not null check (nrows >= 1 and first_row + nrows - 1 <= 1024),
    first_col   smallint not null check (first_col between 1 and 1032),
    ncols       smallint not null check (ncols >= 1 and first_col + ncols - 1 <= 1032),
    jumps       bytea    not null check (length(jumps) = 2 * nrows * ncols),
    primary key (product_id, integration, first_row, first_col)
);

comment on table jump_count_block is 'Per pixel of a RAMP product version, the groups whose GROUPDQ has JUMP_DET, one row per integration and block of a chunk (the JUMPY rule''s input, counted by the corrected writer at load)';
comment on column jump_count_block.product_id is 'The RAMP product version';
comment on column jump_count_block.integration is 'Integration, 1-based';
comment on column jump_count_block.first_row is 'Full-frame detector row of the block''s first row, 1-based';
comment on column jump_count_block.nrows is 'Rows of the block';
comment on column jump_count_block.first_col is 'Full-frame column of the block''s first column, 1-based';
comment on column jump_count_block.ncols is 'Columns of the block';
comment on column jump_count_block.jumps is 'Row by row, per pixel a big-endian uint16: how many of its groups have JUMP_DET (4) in this integration';

grant insert, update, delete on jump_count_block to pixeldb_load;
