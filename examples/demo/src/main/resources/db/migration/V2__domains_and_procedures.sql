-- Written by PG-ORM from a verified plan: domains and procedures.
-- Flyway runs this file in one transaction.
-- Sets lock_timeout = '3s' and statement_timeout = '30s' for the statements below.
-- Statements and their hazards:
--   1. CREATE DOMAIN public.tip_text AS text CONSTRAINT tip_text_check CHECK (((length(VALUE) >= 1) AND (le ...
--      hazards: none
--   2. ALTER TABLE public.tip ALTER COLUMN text TYPE public.tip_text USING text::public.tip_text
--      hazards: TABLE_REWRITE, ACCESS_EXCLUSIVE_LOCK
--   3. CREATE OR REPLACE PROCEDURE public.prune_tips(IN place bigint, IN keep integer, INOUT removed intege ...
--      hazards: none
--   4. COMMENT ON DOMAIN public.tip_text IS 'pgorm:7aea3faed64e279d'
--      hazards: none
--   5. COMMENT ON PROCEDURE public.prune_tips(IN place bigint, IN keep integer, INOUT removed integer) IS ' ...
--      hazards: none

SET lock_timeout = '3s';

SET statement_timeout = '30s';

CREATE DOMAIN public.tip_text AS text CONSTRAINT tip_text_check CHECK (((length(VALUE) >= 1) AND (length(VALUE) <= 500)));

ALTER TABLE public.tip ALTER COLUMN text TYPE public.tip_text USING text::public.tip_text;

CREATE OR REPLACE PROCEDURE public.prune_tips(IN place bigint, IN keep integer, INOUT removed integer)
 LANGUAGE plpgsql
AS $procedure$begin delete from tip where placeid = place and id not in (select id from tip where placeid = place order by id desc limit keep); get diagnostics removed = row_count; end$procedure$;

COMMENT ON DOMAIN public.tip_text IS 'pgorm:7aea3faed64e279d';

COMMENT ON PROCEDURE public.prune_tips(IN place bigint, IN keep integer, INOUT removed integer) IS 'pgorm:bd304bbcb8e8e857';
