-- The three MIRI sensor chip assemblies. Every pixel row of the database names one of them.
create table detector (
    sca_id      smallint primary key,
    name        text     not null unique,
    description text     not null
);

comment on table detector is 'MIRI detectors (SCAs); pixels are addressed as detector + full-frame 1-based row and column';

insert into detector (sca_id, name, description) values
    (493, 'MIRIMAGE',    'Imager; also the detector of the JPL ground tests (FPM-101)'),
    (494, 'MIRIFULONG',  'MRS long-wavelength channels'),
    (495, 'MIRIFUSHORT', 'MRS short-wavelength channels');
