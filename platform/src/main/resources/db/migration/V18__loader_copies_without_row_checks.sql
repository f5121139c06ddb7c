-- Decision 0025: the writers' COPY into the strip tables skips PostgreSQL's per-row foreign-key check. Each COPY'd
-- row queued an RI trigger that ran "select 1 from product where id = $1 for key share" at the end of the statement:
-- 135,000 strip-shaped rows took 1.55-2.40 s with it and 0.76-1.43 s without (docs/bench/row-checks.sql, PostgreSQL
-- 17.5), about half of the writer's PostgreSQL time. The check proves nothing a writer has not proved already: the
-- chunk's ledger row, inserted before the COPY in the same transaction and checked by its own foreign key, holds the
-- product row (FOR KEY SHARE) until commit, so the product exists at commit and cannot be deleted under the COPY.
-- The keys stay declared: deleting a product still cascades to its strips (the deleting session runs the cascade).
--
-- session_replication_role = replica turns off the RI triggers for the transaction that sets it (set local); from
-- PostgreSQL 15 its SET can be granted. Where the migrating login may not grant it (a managed server whose owner is
-- not a superuser), the migration goes on and the writers keep the checks: they ask has_parameter_privilege first.
do $$
begin
    grant set on parameter session_replication_role to pixeldb_load;
exception
    when insufficient_privilege then
        raise notice 'session_replication_role not granted to pixeldb_load (%): the writers keep the per-row checks', sqlerrm;
end
$$;
