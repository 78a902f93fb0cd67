-- The erasure log is evidence like the access log: the same triggers refuse changes from anyone, the owner
-- included (the service's own role has no UPDATE, DELETE or TRUNCATE on either; see R__referral_app_role.sql).
CREATE TRIGGER erasure_log_no_change BEFORE UPDATE OR DELETE ON erasure_log
    FOR EACH ROW EXECUTE FUNCTION access_log_is_append_only();
CREATE TRIGGER erasure_log_no_truncate BEFORE TRUNCATE ON erasure_log
    FOR EACH STATEMENT EXECUTE FUNCTION access_log_is_append_only();
REVOKE UPDATE, DELETE, TRUNCATE ON erasure_log FROM PUBLIC;
