//! The registry of client documents: `documents(doc_id, team, owner, restricted)`.
//!
//! A rep registers a client he created (`POST /api/clients`), or the server registers a
//! document an active rep pushes before anyone registered it. Only the owner, a head of
//! the team, or the admin command line change the owner or the restriction.

use fieldbase_core::DocumentId;
use rusqlite::{OptionalExtension, params};

use crate::{
    Error,
    accounts::{Accounts, bump},
    pg_accounts::{ClientValue, client_record},
};

/// One registered client document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClientRecord {
    /// The document id.
    pub id: DocumentId,
    /// The team's row id.
    pub team: i64,
    /// The owning rep.
    pub owner: String,
    /// Only the owner, heads and delegates see it.
    pub restricted: bool,
}

type Row = (String, i64, String, bool);

fn record((id, team, owner, restricted): Row) -> Result<ClientRecord, Error> {
    Ok(ClientRecord {
        id: id.parse().map_err(|_| Error::Corrupt(id.clone()))?,
        team,
        owner,
        restricted,
    })
}

impl Accounts {
    /// Registers the documents an older server stored before documents had owners, once:
    /// every document id in the `chunks` table that is no team document, book or
    /// registered client becomes an unrestricted client of the first team, owned by its
    /// first head (else its first rep). Until then such documents would be shared with
    /// any active rep who knows the id. Returns how many were registered.
    pub fn register_legacy_documents(&self) -> Result<usize, Error> {
        if let Some(pg) = self.pg() {
            return pg.register_legacy_documents();
        }
        let mut conn = self.conn();
        let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let done: bool = tx.query_row(
            "SELECT count(*) > 0 FROM meta WHERE key = 'legacy_documents_registered'",
            [],
            |r| r.get(0),
        )?;
        let has_chunks: bool = tx.query_row(
            "SELECT count(*) > 0 FROM sqlite_master WHERE type = 'table' AND name = 'chunks'",
            [],
            |r| r.get(0),
        )?;
        let owner: Option<(i64, String)> = tx
            .query_row(
                "SELECT r.team_id, r.username FROM reps r
                 WHERE r.team_id = (SELECT min(id) FROM teams)
                 ORDER BY r.role = 'head' DESC, r.rowid LIMIT 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        let (Some((team, owner)), false, true) = (owner, done, has_chunks) else {
            return Ok(0);
        };
        let n = tx.execute(
            "INSERT OR IGNORE INTO documents (doc_id, team_id, owner, restricted)
             SELECT DISTINCT substr(key, 1, instr(key, '/') - 1), ?1, ?2, 0 FROM chunks
             WHERE instr(key, '/') > 0
               AND substr(key, 1, instr(key, '/') - 1) NOT IN (
                   SELECT index_doc FROM teams
                   UNION SELECT coalesce(team_doc, '') FROM teams
                   UNION SELECT coalesce(plan_doc, '') FROM teams
                   UNION SELECT coalesce(book_doc, '') FROM reps)",
            params![team, owner],
        )?;
        tx.execute(
            "INSERT INTO meta (key, value) VALUES ('legacy_documents_registered', 1)",
            [],
        )?;
        if n > 0 {
            bump(&tx)?;
        }
        tx.commit()?;
        Ok(n)
    }

    /// Every registered client document.
    pub fn clients(&self) -> Result<Vec<ClientRecord>, Error> {
        if let Some(pg) = self.pg() {
            return pg.clients(None)?.into_iter().map(client_record).collect();
        }
        let conn = self.conn();
        let mut stmt = conn.prepare("SELECT doc_id, team_id, owner, restricted FROM documents")?;
        let rows = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
            .collect::<Result<Vec<Row>, _>>()?;
        rows.into_iter().map(record).collect()
    }

    /// The registered clients another instance changed after the registrations counter
    /// was `after`, up to `upto` (PostgreSQL; on SQLite, whose one server keeps its
    /// directory itself, every client).
    pub fn clients_changed(&self, after: i64, upto: i64) -> Result<Vec<ClientRecord>, Error> {
        match self.pg() {
            Some(pg) => pg
                .clients_changed(after, upto)?
                .into_iter()
                .map(client_record)
                .collect(),
            None => self.clients(),
        }
    }

    /// One registered client document.
    pub fn client(&self, id: DocumentId) -> Result<Option<ClientRecord>, Error> {
        if let Some(pg) = self.pg() {
            let row = pg.clients(Some(id.to_string()))?.into_iter().next();
            return row.map(client_record).transpose();
        }
        let row: Option<Row> = self
            .conn()
            .query_row(
                "SELECT doc_id, team_id, owner, restricted FROM documents WHERE doc_id = ?1",
                [id.to_string()],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )
            .optional()?;
        row.map(record).transpose()
    }

    /// Registers a new client document; false (and nothing changes) when the id is
    /// registered already.
    pub fn register_client(
        &self,
        id: DocumentId,
        team: i64,
        owner: &str,
        restricted: bool,
    ) -> Result<bool, Error> {
        if let Some(pg) = self.pg() {
            let row = (id.to_string(), team, owner.to_owned(), restricted);
            return Ok(pg.register(vec![row])? == 1);
        }
        let n = self.conn().execute(
            "INSERT OR IGNORE INTO documents (doc_id, team_id, owner, restricted) VALUES (?1, ?2, ?3, ?4)",
            params![id.to_string(), team, owner, restricted],
        )?;
        Ok(n == 1)
    }

    /// Registers new client documents, unrestricted, in one transaction; ids registered
    /// already are left as they are.
    pub fn register_clients(&self, rows: &[(DocumentId, i64, &str)]) -> Result<(), Error> {
        if let Some(pg) = self.pg() {
            let rows = rows
                .iter()
                .map(|(id, team, owner)| (id.to_string(), *team, owner.to_string(), false))
                .collect();
            pg.register(rows)?;
            return Ok(());
        }
        let mut conn = self.conn();
        let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        {
            let mut stmt = tx.prepare_cached(
                "INSERT OR IGNORE INTO documents (doc_id, team_id, owner, restricted) VALUES (?1, ?2, ?3, 0)",
            )?;
            for (id, team, owner) in rows {
                stmt.execute(params![id.to_string(), team, owner])?;
            }
        }
        tx.commit()?;
        Ok(())
    }

    /// Sets a registered client's restriction. `announce` bumps the revision so that a
    /// running server notices (the admin command line); the server itself updates its
    /// directory directly (on PostgreSQL it bumps the registrations counter instead, for
    /// the other instances).
    pub fn set_restricted(
        &self,
        id: DocumentId,
        restricted: bool,
        announce: bool,
    ) -> Result<(), Error> {
        if let Some(pg) = self.pg() {
            return pg.update_client(
                id.to_string(),
                "UPDATE documents SET restricted = $2,
                     changed = (SELECT value FROM meta WHERE key = 'registrations')
                 WHERE doc_id = $1",
                ClientValue::Restricted(restricted),
                if announce {
                    "revision"
                } else {
                    "registrations"
                },
            );
        }
        let mut conn = self.conn();
        let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let n = tx.execute(
            "UPDATE documents SET restricted = ?2 WHERE doc_id = ?1",
            params![id.to_string(), restricted],
        )?;
        if n == 0 {
            return Err(Error::NoSuchDocument(id.to_string()));
        }
        if announce {
            bump(&tx)?;
        }
        tx.commit()?;
        Ok(())
    }

    /// Gives a registered client to another rep of the same team for good.
    pub fn transfer(&self, id: DocumentId, to: &str) -> Result<ClientRecord, Error> {
        let client = self
            .client(id)?
            .ok_or_else(|| Error::NoSuchDocument(id.to_string()))?;
        let rep = self.existing_rep(to)?;
        if rep.team != client.team {
            return Err(Error::DifferentTeams(client.owner, rep.username));
        }
        if !rep.active {
            return Err(Error::Revoked(rep.username));
        }
        if let Some(pg) = self.pg() {
            pg.update_client(
                id.to_string(),
                "UPDATE documents SET owner = $2,
                     changed = (SELECT value FROM meta WHERE key = 'registrations')
                 WHERE doc_id = $1",
                ClientValue::Owner(to.to_owned()),
                "revision",
            )?;
            return Ok(ClientRecord {
                owner: to.to_owned(),
                ..client
            });
        }
        let mut conn = self.conn();
        let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        tx.execute(
            "UPDATE documents SET owner = ?2 WHERE doc_id = ?1",
            params![id.to_string(), to],
        )?;
        bump(&tx)?;
        tx.commit()?;
        Ok(ClientRecord {
            owner: to.to_owned(),
            ..client
        })
    }
}
