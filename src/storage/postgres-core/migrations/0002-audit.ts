// Migration 2: the transparency log — entries, stored subtree hashes, signed tree heads.

export const auditSchema = `
-- One row per log entry; idx is the leaf index, dense from 0. entry is the canonical JSON (RFC 8785) of the
-- event, leaf_hash is SHA-256(0x00 || entry). subject_ref is the customer's keyed reference, for their own lookups.
CREATE TABLE audit_entries (
  idx bigint PRIMARY KEY CHECK (idx >= 0),
  entry text NOT NULL,
  leaf_hash bytea NOT NULL,
  subject_ref text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX audit_entries_subject ON audit_entries (subject_ref, idx) WHERE subject_ref IS NOT NULL;

-- Complete subtrees of 64 leaves: tile t covers leaves [64t, 64t + 64). hash is the tile's root; nodes holds
-- its inner levels 1 to 5 (32 + 16 + 8 + 4 + 2 hashes, level by level, left to right), so that a proof reads
-- one row instead of hashing 64 leaves. Levels above the tiles are rebuilt in memory when the log opens.
CREATE TABLE audit_tiles (
  tile bigint PRIMARY KEY CHECK (tile >= 0),
  hash bytea NOT NULL,
  nodes bytea NOT NULL
);
-- Hashes do not compress: keep the 2 KB of nodes inline, so reading a tile is one heap fetch, never a detoast.
ALTER TABLE audit_tiles ALTER COLUMN nodes SET STORAGE PLAIN;

-- Signed tree heads: a checkpoint note per committed batch.
CREATE TABLE audit_heads (
  tree_size bigint PRIMARY KEY CHECK (tree_size >= 0),
  root_hash bytea NOT NULL,
  checkpoint text NOT NULL,
  key_id text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
`;
