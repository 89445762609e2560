import "server-only";

// History is append-only in the database itself, not only in the stores: these
// triggers refuse any UPDATE of a past version, status change or proof, and any
// DELETE while its set exists (the bin's purge removes the set first). A version
// must follow the last one. The same rules in each dialect's trigger language.

const VERSION_CHANGED = "style set history is append-only: a past version cannot be changed";
const VERSION_DELETED = "style set history is append-only: a past version cannot be deleted";
const OUT_OF_ORDER = "style set history is append-only: a version must follow the last one";
const EVENT_CHANGED = "style set history is append-only: a status change cannot be changed";
const EVENT_DELETED = "style set history is append-only: a status change cannot be deleted";
const PROOF_REWRITE = "style set proofs are append-only";

function sqliteRefuse(table: string, what: "UPDATE" | "DELETE", message: string): string {
  const name = `${table}_no_${what.toLowerCase()}`;
  const when =
    what === "DELETE" ? "WHEN EXISTS (SELECT 1 FROM style_sets WHERE id = OLD.set_id)" : "";
  return `CREATE TRIGGER ${name} BEFORE ${what} ON ${table} ${when}
    BEGIN SELECT RAISE(ABORT, '${message}'); END`;
}

// Postgres: two shared trigger functions take the message as their argument.
const PG_FUNCTIONS = [
  `CREATE OR REPLACE FUNCTION studio_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN RAISE EXCEPTION '%', TG_ARGV[0] USING ERRCODE = 'restrict_violation'; END $$`,
  `CREATE OR REPLACE FUNCTION studio_refuse_delete_of_live_set() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     IF EXISTS (SELECT 1 FROM style_sets WHERE id = OLD.set_id) THEN
       RAISE EXCEPTION '%', TG_ARGV[0] USING ERRCODE = 'restrict_violation';
     END IF;
     RETURN OLD;
   END $$`,
];

function pgRefuse(table: string, what: "UPDATE" | "DELETE" | "TRUNCATE", message: string): string {
  const name = `${table}_no_${what.toLowerCase()}`;
  const fn = what === "DELETE" ? "studio_refuse_delete_of_live_set" : "studio_refuse";
  const each = what === "TRUNCATE" ? "STATEMENT" : "ROW";
  return `CREATE TRIGGER ${name} BEFORE ${what} ON ${table} FOR EACH ${each} EXECUTE FUNCTION ${fn}('${message}')`;
}

export const APPEND_ONLY_VERSIONS = {
  sqlite: [
    sqliteRefuse("style_set_versions", "UPDATE", VERSION_CHANGED),
    sqliteRefuse("style_set_versions", "DELETE", VERSION_DELETED),
    `CREATE TRIGGER style_set_versions_in_order BEFORE INSERT ON style_set_versions
     WHEN EXISTS (SELECT 1 FROM style_set_versions WHERE set_id = NEW.set_id)
       AND NEW.version <> (SELECT MAX(version) FROM style_set_versions WHERE set_id = NEW.set_id) + 1
     BEGIN SELECT RAISE(ABORT, '${OUT_OF_ORDER}'); END`,
    sqliteRefuse("style_set_status_events", "UPDATE", EVENT_CHANGED),
    sqliteRefuse("style_set_status_events", "DELETE", EVENT_DELETED),
  ],
  postgres: [
    ...PG_FUNCTIONS,
    pgRefuse("style_set_versions", "UPDATE", VERSION_CHANGED),
    pgRefuse("style_set_versions", "DELETE", VERSION_DELETED),
    pgRefuse("style_set_versions", "TRUNCATE", VERSION_DELETED),
    `CREATE OR REPLACE FUNCTION style_set_versions_in_order() RETURNS trigger LANGUAGE plpgsql AS $$
     DECLARE newest integer;
     BEGIN
       SELECT MAX(version) INTO newest FROM style_set_versions WHERE set_id = NEW.set_id;
       IF newest IS NOT NULL AND NEW.version <> newest + 1 THEN
         RAISE EXCEPTION '${OUT_OF_ORDER}' USING ERRCODE = 'restrict_violation';
       END IF;
       RETURN NEW;
     END $$`,
    `CREATE TRIGGER style_set_versions_in_order BEFORE INSERT ON style_set_versions
     FOR EACH ROW EXECUTE FUNCTION style_set_versions_in_order()`,
    pgRefuse("style_set_status_events", "UPDATE", EVENT_CHANGED),
    pgRefuse("style_set_status_events", "DELETE", EVENT_DELETED),
    pgRefuse("style_set_status_events", "TRUNCATE", EVENT_DELETED),
  ],
} as const;

export const APPEND_ONLY_PROOFS = {
  sqlite: [
    sqliteRefuse("style_set_proofs", "UPDATE", PROOF_REWRITE),
    sqliteRefuse("style_set_proofs", "DELETE", PROOF_REWRITE),
  ],
  postgres: [
    pgRefuse("style_set_proofs", "UPDATE", PROOF_REWRITE),
    pgRefuse("style_set_proofs", "DELETE", PROOF_REWRITE),
    pgRefuse("style_set_proofs", "TRUNCATE", PROOF_REWRITE),
  ],
} as const;
