-- A claims database created by the first released schema (revision 0001), with data.
-- Built once by hand; tests/store/test_upgrade_from_first.py upgrades it to head.
BEGIN TRANSACTION;
CREATE TABLE alembic_version (
	version_num VARCHAR(32) NOT NULL, 
	CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);
INSERT INTO "alembic_version" VALUES('0001');
CREATE TABLE article (
	id INTEGER NOT NULL, 
	name VARCHAR NOT NULL, 
	origin VARCHAR NOT NULL, 
	title VARCHAR, 
	url VARCHAR, 
	publisher VARCHAR, 
	published VARCHAR, 
	content_hash VARCHAR NOT NULL, 
	extractor_version VARCHAR NOT NULL, 
	text TEXT NOT NULL, 
	ingested_at VARCHAR NOT NULL, 
	PRIMARY KEY (id), 
	CONSTRAINT uq_article_content_hash UNIQUE (content_hash)
);
INSERT INTO "article" VALUES(1,'storm.txt','articles/storm.txt',NULL,'https://example.org/storm','Example News','2025-01-02','abc123','1','Police said 40 people died. The agency said 12 were missing.
','2025-01-02T10:00:00Z');
CREATE TABLE claim (
	id INTEGER NOT NULL, 
	article_id INTEGER NOT NULL, 
	seq INTEGER NOT NULL, 
	text TEXT NOT NULL, 
	start INTEGER NOT NULL, 
	"end" INTEGER NOT NULL, 
	source_id INTEGER, 
	cue VARCHAR, 
	status VARCHAR DEFAULT 'unverified' NOT NULL, 
	version INTEGER DEFAULT '1' NOT NULL, 
	dismissed BOOLEAN DEFAULT '0' NOT NULL, 
	paragraph INTEGER NOT NULL, 
	sentence INTEGER NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(article_id) REFERENCES article (id), 
	FOREIGN KEY(source_id) REFERENCES source (id)
);
INSERT INTO "claim" VALUES(1,1,0,'Police said 40 people died.',0,27,1,'said','supported',2,0,0,0);
INSERT INTO "claim" VALUES(2,1,1,'The agency said 12 were missing.',28,60,2,'said','unverified',1,0,0,1);
CREATE TABLE claim_duplicate (
	claim_id INTEGER NOT NULL, 
	other_claim_id INTEGER NOT NULL, 
	PRIMARY KEY (claim_id, other_claim_id), 
	FOREIGN KEY(claim_id) REFERENCES claim (id), 
	FOREIGN KEY(other_claim_id) REFERENCES claim (id)
);
CREATE TABLE figure (
	id INTEGER NOT NULL, 
	claim_id INTEGER NOT NULL, 
	seq INTEGER NOT NULL, 
	text VARCHAR NOT NULL, 
	start INTEGER NOT NULL, 
	"end" INTEGER NOT NULL, 
	value FLOAT NOT NULL, 
	low FLOAT, 
	high FLOAT, 
	qualifier VARCHAR NOT NULL, 
	unit VARCHAR, 
	metric VARCHAR, 
	PRIMARY KEY (id), 
	FOREIGN KEY(claim_id) REFERENCES claim (id)
);
INSERT INTO "figure" VALUES(1,1,0,'40',12,14,40.0,40.0,40.0,'exact','person','people died');
INSERT INTO "figure" VALUES(2,2,0,'12',45,47,12.0,12.0,12.0,'exact','person','missing');
CREATE TABLE finding_ack (
	"key" VARCHAR NOT NULL, 
	note VARCHAR NOT NULL, 
	reviewer VARCHAR NOT NULL, 
	at VARCHAR NOT NULL, 
	PRIMARY KEY ("key")
);
INSERT INTO "finding_ack" VALUES('bound:0000000000000000','known','ana','2025-01-02T12:00:00Z');
CREATE TABLE relation (
	id INTEGER NOT NULL, 
	kind VARCHAR NOT NULL, 
	origin VARCHAR NOT NULL, 
	state VARCHAR NOT NULL, 
	rule VARCHAR, 
	created_at VARCHAR NOT NULL, 
	PRIMARY KEY (id)
);
INSERT INTO "relation" VALUES(1,'bound','manual','accepted',NULL,'2025-01-02T11:00:00Z');
CREATE TABLE relation_member (
	relation_id INTEGER NOT NULL, 
	position INTEGER NOT NULL, 
	figure_id INTEGER NOT NULL, 
	role VARCHAR NOT NULL, 
	PRIMARY KEY (relation_id, position), 
	FOREIGN KEY(figure_id) REFERENCES figure (id), 
	FOREIGN KEY(relation_id) REFERENCES relation (id)
);
INSERT INTO "relation_member" VALUES(1,0,2,'smaller');
INSERT INTO "relation_member" VALUES(1,1,1,'larger');
CREATE TABLE source (
	id INTEGER NOT NULL, 
	name VARCHAR NOT NULL, 
	type VARCHAR NOT NULL, 
	PRIMARY KEY (id), 
	CONSTRAINT uq_source_name UNIQUE (name)
);
INSERT INTO "source" VALUES(1,'Police','government');
INSERT INTO "source" VALUES(2,'Civil Protection Agency','government');
CREATE TABLE source_alias (
	id INTEGER NOT NULL, 
	source_id INTEGER NOT NULL, 
	alias VARCHAR NOT NULL, 
	alias_norm VARCHAR NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(source_id) REFERENCES source (id), 
	CONSTRAINT uq_source_alias_norm UNIQUE (source_id, alias_norm)
);
INSERT INTO "source_alias" VALUES(1,2,'CPA','cpa');
CREATE TABLE verdict (
	id INTEGER NOT NULL, 
	claim_id INTEGER NOT NULL, 
	at VARCHAR NOT NULL, 
	reviewer VARCHAR NOT NULL, 
	from_status VARCHAR NOT NULL, 
	to_status VARCHAR NOT NULL, 
	note TEXT, 
	evidence TEXT NOT NULL, 
	version INTEGER NOT NULL, 
	kind VARCHAR NOT NULL, 
	detail TEXT, 
	PRIMARY KEY (id), 
	FOREIGN KEY(claim_id) REFERENCES claim (id)
);
INSERT INTO "verdict" VALUES(1,1,'2025-01-02T11:30:00Z','ana','unverified','supported','coroner confirms','["https://example.org/coroner"]',2,'verdict',NULL);
CREATE INDEX ix_source_alias_alias_norm ON source_alias (alias_norm);
CREATE INDEX ix_claim_article_id ON claim (article_id);
CREATE INDEX ix_claim_source_id ON claim (source_id);
CREATE INDEX ix_claim_status ON claim (status);
CREATE INDEX ix_figure_claim_id ON figure (claim_id);
CREATE INDEX ix_relation_state ON relation (state);
CREATE INDEX ix_relation_member_figure_id ON relation_member (figure_id);
CREATE INDEX ix_verdict_claim_id ON verdict (claim_id);
CREATE INDEX ix_verdict_reviewer ON verdict (reviewer);
CREATE INDEX ix_claim_duplicate_other_claim_id ON claim_duplicate (other_claim_id);
CREATE TRIGGER verdict_no_update BEFORE UPDATE ON verdict
    BEGIN SELECT RAISE(ABORT, 'verdict history is append-only'); END;
CREATE TRIGGER verdict_no_delete BEFORE DELETE ON verdict
    BEGIN SELECT RAISE(ABORT, 'verdict history is append-only'); END;
COMMIT;
