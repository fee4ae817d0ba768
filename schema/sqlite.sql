-- claimx claims database, schema 1, SQLite dialect. docs/db.md describes
-- every table and column; schema/postgresql.sql is the same schema for
-- PostgreSQL and the two must keep the same tables and columns.
--
-- One row per article, per distinct source, per mention, per claim, per
-- claim-mention link, per comparison group and per comparison item, all
-- filled from the schema v1 objects of docs/schema.md. Mention and claim
-- numbers are the N of their "mN"/"cN" ids, unique within an article.
-- Statements are idempotent so that opening an existing database is safe.

CREATE TABLE IF NOT EXISTS claimx_schema (
  version INTEGER NOT NULL
);
INSERT INTO claimx_schema (version)
  SELECT 1 WHERE NOT EXISTS (SELECT 1 FROM claimx_schema);

CREATE TABLE IF NOT EXISTS articles (
  article_id   INTEGER PRIMARY KEY,
  id           TEXT NOT NULL UNIQUE,   -- doc.id
  content_hash TEXT NOT NULL,          -- doc.content_hash (resume key with id)
  date         TEXT,                   -- doc.date, YYYY-MM-DD
  title        TEXT,
  url          TEXT,
  lang         TEXT NOT NULL,
  bytes        INTEGER NOT NULL,
  paragraphs   INTEGER NOT NULL,
  sentences    INTEGER NOT NULL,
  doc          TEXT NOT NULL           -- the whole doc object as JSON
);
CREATE INDEX IF NOT EXISTS articles_date ON articles (date);

CREATE TABLE IF NOT EXISTS sources (
  source_id INTEGER PRIMARY KEY,
  name      TEXT NOT NULL,             -- canonical name
  type      TEXT NOT NULL,             -- person, organization, government, ...
  UNIQUE (name, type)
);

CREATE TABLE IF NOT EXISTS mentions (
  article_id        INTEGER NOT NULL,
  mention           INTEGER NOT NULL,  -- N of "mN"
  kind              TEXT NOT NULL,     -- quantity, date, place, source, quote
  start_byte        INTEGER NOT NULL,  -- [start_byte, end_byte) in the original
  end_byte          INTEGER NOT NULL,
  text              TEXT NOT NULL,
  rule              TEXT NOT NULL,
  sentence          INTEGER,
  value             REAL,              -- quantity
  unit              TEXT,
  entity            TEXT,
  entity_lemma      TEXT,
  bound             TEXT,
  low               REAL,
  high              REAL,
  approx            INTEGER,           -- 0 or 1
  timex_value       TEXT,              -- date
  timex_type        TEXT,
  timex_mod         TEXT,
  timex_range_start TEXT,
  timex_range_end   TEXT,
  place_name        TEXT,              -- place
  place_type        TEXT,
  country           TEXT,
  gazetteer_id      TEXT,
  lat               REAL,
  lon               REAL,
  admin1            TEXT,
  metonymy          TEXT,
  source_id         INTEGER,  -- source
  source_role       TEXT,
  PRIMARY KEY (article_id, mention)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS mentions_entity_lemma ON mentions (entity_lemma)
  WHERE entity_lemma IS NOT NULL;
CREATE INDEX IF NOT EXISTS mentions_country ON mentions (country)
  WHERE country IS NOT NULL;

CREATE TABLE IF NOT EXISTS claims (
  article_id     INTEGER NOT NULL,
  claim          INTEGER NOT NULL,     -- N of "cN"
  type           TEXT NOT NULL,        -- direct, indirect, according_to, mixed, unattributed
  start_byte     INTEGER NOT NULL,
  end_byte       INTEGER NOT NULL,
  statement      TEXT NOT NULL,
  source_id      INTEGER,
  source_role    TEXT,
  source_mention INTEGER,              -- N of the source mention, when there is one
  cue_text       TEXT,
  cue_lemma      TEXT,
  cue_start      INTEGER,
  cue_end        INTEGER,
  rule           TEXT NOT NULL,
  confidence     REAL NOT NULL,
  PRIMARY KEY (article_id, claim)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS claims_source ON claims (source_id);

-- The quantities, dates and places of each claim (claim.quantities/dates/places).
CREATE TABLE IF NOT EXISTS claim_mentions (
  article_id INTEGER NOT NULL,
  claim      INTEGER NOT NULL,
  mention    INTEGER NOT NULL,
  PRIMARY KEY (article_id, claim, mention)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS claim_mentions_mention
  ON claim_mentions (article_id, mention);

-- Figures that measure the same thing, grouped (top-level `comparisons`).
CREATE TABLE IF NOT EXISTS comparisons (
  article_id INTEGER NOT NULL,
  comparison INTEGER NOT NULL,         -- 1-based position in the list
  entity     TEXT,
  unit       TEXT,
  PRIMARY KEY (article_id, comparison)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS comparison_items (
  article_id  INTEGER NOT NULL,
  comparison  INTEGER NOT NULL,
  item        INTEGER NOT NULL,        -- 1-based position in the group
  claim       INTEGER,                 -- N of the item's "cN"
  source_name TEXT,
  value       REAL,
  bound       TEXT,
  places      TEXT,                    -- the item's places, as JSON
  dates       TEXT,                    -- the item's dates, as JSON
  PRIMARY KEY (article_id, comparison, item)
) WITHOUT ROWID;
