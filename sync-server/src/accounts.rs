//! Teams, reps, passwords (argon2) and session tokens, in the server's SQLite database
//! or, with `--postgres`, in PostgreSQL ([`crate::pg_accounts`]): one API over both.
//!
//! A token is 32 random bytes shown to the client once; only its SHA-256 is stored, so a
//! copy of the database does not let anyone log in.

use std::{
    path::Path,
    sync::{Arc, Mutex},
};

use argon2::{
    Argon2, PasswordHash, PasswordHasher, PasswordVerifier,
    password_hash::{SaltString, rand_core::OsRng},
};
use fieldbase_core::DocumentId;
use rand::RngCore;
use rusqlite::{Connection, OptionalExtension, params};
use sha2::{Digest, Sha256};

use crate::{
    Error,
    pg_accounts::{BootstrapLock, PgAccounts},
    policy::Role,
    storage::open_db,
};

/// How long a login lasts, in milliseconds (30 days: a rep on the road for weeks stays
/// logged in on the device).
pub const SESSION_MS: i64 = 30 * 24 * 3600 * 1000;

/// `PRAGMA application_id` of a Fieldbase database ("FBDB"), checked by `restore`.
pub const APPLICATION_ID: i32 = 0x4642_4442;

/// A rep as the rest of the server sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rep {
    /// Login name; also the first part of every peer id the rep may use.
    pub username: String,
    /// The team's index document.
    pub team_index: DocumentId,
}

/// A team and the ids of its shared documents.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Team {
    /// Row id.
    pub id: i64,
    /// Display name, unique.
    pub name: String,
    /// Summaries of the team's shared clients.
    pub index: DocumentId,
    /// Catalog, events, competitors.
    pub team_doc: DocumentId,
    /// Managers, roles, targets.
    pub plan: DocumentId,
}

/// A rep's record (without the password hash).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RepRecord {
    /// Login name.
    pub username: String,
    /// The team's row id.
    pub team: i64,
    /// What the rep may see and change.
    pub role: Role,
    /// False once revoked.
    pub active: bool,
    /// The index of the rep's restricted clients.
    pub book: DocumentId,
}

/// A hand-over: `to_rep` stands in for `from_rep` while `starts_at_ms <= now < ends_at_ms`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Handover {
    /// Whose clients are handed over.
    pub from_rep: String,
    /// Who looks after them meanwhile.
    pub to_rep: String,
    /// First instant, ms since the epoch.
    pub starts_at_ms: i64,
    /// First instant after, ms since the epoch.
    pub ends_at_ms: i64,
}

/// A successful login.
#[derive(Debug, Clone)]
pub struct Session {
    /// The secret the client presents from now on.
    pub token: String,
    /// Who logged in.
    pub rep: Rep,
    /// When the token stops working, ms since the epoch.
    pub expires_at: i64,
}

/// The accounts database.
#[derive(Clone)]
pub struct Accounts {
    backend: Backend,
}

/// Where the accounts live.
#[derive(Clone)]
enum Backend {
    /// The data directory's SQLite file (one server).
    Sqlite(Arc<Mutex<Connection>>),
    /// A PostgreSQL database (any number of instances).
    Postgres(PgAccounts),
}

fn hash_token(token: &str) -> String {
    let digest = Sha256::digest(token.as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// Checks a login name: 1–64 of `a-z 0-9 . _ -`.
pub fn check_username(name: &str) -> Result<(), Error> {
    let ok = (1..=64).contains(&name.len())
        && name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"._-".contains(&b));
    if ok {
        Ok(())
    } else {
        Err(Error::BadUsername(name.to_owned()))
    }
}

fn hash_password(password: &str) -> Result<String, Error> {
    if password.chars().count() < 8 {
        return Err(Error::WeakPassword);
    }
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| Error::Hash(e.to_string()))
}

/// A new random document id (what automerge-repo draws: 16 random bytes).
pub fn random_doc_id() -> DocumentId {
    DocumentId::from_bytes(rand::random())
}

fn parse_doc(text: String) -> Result<DocumentId, Error> {
    text.parse().map_err(|_| Error::Corrupt(text))
}

/// A random secret as 64 hex digits.
pub fn random_secret() -> String {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

impl Accounts {
    /// Opens the accounts tables in the database at `path`, creating them if needed and
    /// bringing an older database up to date (document ids for teams and reps, roles).
    pub fn open(path: &Path) -> Result<Self, Error> {
        let conn = open_db(path)?;
        conn.execute_batch(
            "CREATE TABLE IF NOT EXISTS teams (
                 id INTEGER PRIMARY KEY,
                 name TEXT NOT NULL,
                 index_doc TEXT NOT NULL
             );
             CREATE TABLE IF NOT EXISTS reps (
                 username TEXT PRIMARY KEY,
                 team_id INTEGER NOT NULL REFERENCES teams(id),
                 password_hash TEXT NOT NULL,
                 active INTEGER NOT NULL DEFAULT 1
             );
             CREATE TABLE IF NOT EXISTS sessions (
                 token_hash TEXT PRIMARY KEY,
                 username TEXT NOT NULL REFERENCES reps(username),
                 created_ms INTEGER NOT NULL,
                 expires_ms INTEGER NOT NULL,
                 revoked INTEGER NOT NULL DEFAULT 0
             );
             CREATE TABLE IF NOT EXISTS documents (
                 doc_id TEXT PRIMARY KEY,
                 team_id INTEGER NOT NULL REFERENCES teams(id),
                 owner TEXT NOT NULL REFERENCES reps(username),
                 restricted INTEGER NOT NULL DEFAULT 0
             );
             CREATE INDEX IF NOT EXISTS documents_owner ON documents(owner);
             CREATE TABLE IF NOT EXISTS handovers (
                 id INTEGER PRIMARY KEY,
                 from_rep TEXT NOT NULL REFERENCES reps(username),
                 to_rep TEXT NOT NULL REFERENCES reps(username),
                 starts_at_ms INTEGER NOT NULL,
                 ends_at_ms INTEGER NOT NULL
             );
             CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL);
             INSERT OR IGNORE INTO meta (key, value) VALUES ('revision', 0);",
        )?;
        conn.pragma_update(None, "application_id", APPLICATION_ID)?;
        migrate(&conn)?;
        Ok(Accounts {
            backend: Backend::Sqlite(Arc::new(Mutex::new(conn))),
        })
    }

    /// Opens the accounts tables in the PostgreSQL database at `url`, creating them if
    /// needed (safe when several instances start at once).
    pub fn open_postgres(url: &str) -> Result<Self, Error> {
        Ok(Accounts {
            backend: Backend::Postgres(PgAccounts::connect(url)?),
        })
    }

    /// The PostgreSQL accounts, if that is where they live.
    pub(crate) fn pg(&self) -> Option<&PgAccounts> {
        match &self.backend {
            Backend::Postgres(pg) => Some(pg),
            Backend::Sqlite(_) => None,
        }
    }

    /// The SQLite connection, for the modules that keep their own tables in this
    /// database. Every caller asks [`Accounts::pg`] first: on PostgreSQL this is a bug.
    pub(crate) fn conn(&self) -> std::sync::MutexGuard<'_, Connection> {
        match &self.backend {
            Backend::Sqlite(conn) => conn.lock().unwrap_or_else(|p| p.into_inner()),
            Backend::Postgres(_) => unreachable!("a SQLite statement on PostgreSQL accounts"),
        }
    }

    /// Held while the first start creates the team and the first user, so that two
    /// instances starting at once over one PostgreSQL create them once. `None` on SQLite,
    /// where the data directory's exclusive lock already keeps a second server out.
    pub fn bootstrap_lock(&self) -> Result<Option<BootstrapLock>, Error> {
        self.pg().map(PgAccounts::bootstrap_lock).transpose()
    }

    /// The revision and the registry counter, in one read. The registry counter: on
    /// PostgreSQL every registration or restriction made by a server increments it, so
    /// the other instances read the registry rows it stamped. Always 0 on SQLite, whose one
    /// server updates its directory itself.
    pub fn counters(&self) -> Result<(i64, i64), Error> {
        match self.pg() {
            Some(pg) => pg.counters(),
            None => Ok((self.revision()?, 0)),
        }
    }

    /// The access-control revision: every admin change (revoke, role, hand-over,
    /// transfer, restriction, new team or rep) increments it, so a running server polls
    /// one integer to notice changes made by another process.
    pub fn revision(&self) -> Result<i64, Error> {
        if let Some(pg) = self.pg() {
            return Ok(pg.counters()?.0);
        }
        Ok(self
            .conn()
            .query_row("SELECT value FROM meta WHERE key = 'revision'", [], |r| {
                r.get(0)
            })?)
    }

    /// The first team, if a team exists.
    pub fn first_team(&self) -> Result<Option<Team>, Error> {
        if let Some(pg) = self.pg() {
            return pg_team(pg.teams_where("ORDER BY id LIMIT 1", None)?);
        }
        self.team_where("1 = 1 ORDER BY id LIMIT 1", [])
    }

    /// The team with this name.
    pub fn team_by_name(&self, name: &str) -> Result<Option<Team>, Error> {
        if let Some(pg) = self.pg() {
            return pg_team(pg.teams_where("WHERE name = $1", Some(name.to_owned()))?);
        }
        self.team_where("name = ?1", [name])
    }

    /// The team with this row id.
    pub fn team(&self, id: i64) -> Result<Option<Team>, Error> {
        if let Some(pg) = self.pg() {
            return pg_team(pg.teams_where("WHERE id::TEXT = $1", Some(id.to_string()))?);
        }
        self.team_where("id = ?1", [id])
    }

    fn team_where<P: rusqlite::Params>(&self, clause: &str, p: P) -> Result<Option<Team>, Error> {
        let row = self
            .conn()
            .query_row(
                &format!(
                    "SELECT id, name, index_doc, team_doc, plan_doc FROM teams WHERE {clause}"
                ),
                p,
                team_row,
            )
            .optional()?;
        row.map(team_from_row).transpose()
    }

    /// Every team.
    pub fn teams(&self) -> Result<Vec<Team>, Error> {
        if let Some(pg) = self.pg() {
            return pg
                .teams_where("ORDER BY id", None)?
                .into_iter()
                .map(pg_team_row)
                .collect();
        }
        let conn = self.conn();
        let mut stmt =
            conn.prepare("SELECT id, name, index_doc, team_doc, plan_doc FROM teams ORDER BY id")?;
        let rows = stmt
            .query_map([], team_row)?
            .collect::<Result<Vec<_>, _>>()?;
        rows.into_iter().map(team_from_row).collect()
    }

    /// Creates a team, drawing the ids of its team and plan documents (and of its index
    /// unless `index` is given: the first start creates the index document itself).
    pub fn create_team(&self, name: &str, index: Option<DocumentId>) -> Result<Team, Error> {
        let name = name.trim();
        if name.is_empty() || name.chars().count() > 100 {
            return Err(Error::BadTeamName(name.to_owned()));
        }
        let team = Team {
            id: 0,
            name: name.to_owned(),
            index: index.unwrap_or_else(random_doc_id),
            team_doc: random_doc_id(),
            plan: random_doc_id(),
        };
        if let Some(pg) = self.pg() {
            return Ok(Team {
                id: pg.create_team(&team)?,
                ..team
            });
        }
        let mut conn = self.conn();
        let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let exists: bool = tx.query_row(
            "SELECT count(*) > 0 FROM teams WHERE name = ?1",
            [name],
            |r| r.get(0),
        )?;
        if exists {
            return Err(Error::TeamExists(name.to_owned()));
        }
        tx.execute(
            "INSERT INTO teams (name, index_doc, team_doc, plan_doc) VALUES (?1, ?2, ?3, ?4)",
            params![
                team.name,
                team.index.to_string(),
                team.team_doc.to_string(),
                team.plan.to_string()
            ],
        )?;
        let id = tx.last_insert_rowid();
        bump(&tx)?;
        tx.commit()?;
        Ok(Team { id, ..team })
    }

    /// Adds a rep to a team with a role, drawing the id of the rep's book.
    pub fn add_rep(
        &self,
        team: i64,
        username: &str,
        password: &str,
        role: Role,
    ) -> Result<RepRecord, Error> {
        check_username(username)?;
        let hash = hash_password(password)?;
        let book = random_doc_id();
        if let Some(pg) = self.pg() {
            let record = RepRecord {
                username: username.to_owned(),
                team,
                role,
                active: true,
                book,
            };
            pg.add_rep(&record, hash)?;
            return Ok(record);
        }
        let mut conn = self.conn();
        let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let exists: bool = tx.query_row(
            "SELECT count(*) > 0 FROM reps WHERE username = ?1",
            [username],
            |r| r.get(0),
        )?;
        if exists {
            return Err(Error::RepExists(username.to_owned()));
        }
        tx.execute(
            "INSERT INTO reps (username, team_id, password_hash, role, book_doc) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![username, team, hash, role.as_str(), book.to_string()],
        )?;
        bump(&tx)?;
        tx.commit()?;
        Ok(RepRecord {
            username: username.to_owned(),
            team,
            role,
            active: true,
            book,
        })
    }

    /// How many reps exist.
    pub fn rep_count(&self) -> Result<i64, Error> {
        if let Some(pg) = self.pg() {
            return pg.rep_count();
        }
        Ok(self
            .conn()
            .query_row("SELECT count(*) FROM reps", [], |r| r.get(0))?)
    }

    /// A rep's record, active or not.
    pub fn rep_record(&self, username: &str) -> Result<Option<RepRecord>, Error> {
        if let Some(pg) = self.pg() {
            return pg
                .reps(Some(username.to_owned()))?
                .into_iter()
                .next()
                .map(pg_rep_row)
                .transpose();
        }
        let row = self
            .conn()
            .query_row(
                "SELECT username, team_id, role, active, book_doc FROM reps WHERE username = ?1",
                [username],
                rep_row,
            )
            .optional()?;
        row.map(rep_from_row).transpose()
    }

    /// A rep's record, or [`Error::NoSuchRep`].
    pub fn existing_rep(&self, username: &str) -> Result<RepRecord, Error> {
        self.rep_record(username)?
            .ok_or_else(|| Error::NoSuchRep(username.to_owned()))
    }

    /// Every rep.
    pub fn reps(&self) -> Result<Vec<RepRecord>, Error> {
        if let Some(pg) = self.pg() {
            return pg.reps(None)?.into_iter().map(pg_rep_row).collect();
        }
        let conn = self.conn();
        let mut stmt =
            conn.prepare("SELECT username, team_id, role, active, book_doc FROM reps")?;
        let rows = stmt
            .query_map([], rep_row)?
            .collect::<Result<Vec<_>, _>>()?;
        rows.into_iter().map(rep_from_row).collect()
    }

    /// Sets a rep's role.
    pub fn set_role(&self, username: &str, role: Role) -> Result<(), Error> {
        if let Some(pg) = self.pg() {
            pg.change_rep(
                username,
                "UPDATE reps SET role = $2 WHERE username = $1",
                Some(role.as_str().to_owned()),
                false,
            )?;
            return Ok(());
        }
        let mut conn = self.conn();
        let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let n = tx.execute(
            "UPDATE reps SET role = ?2 WHERE username = ?1",
            params![username, role.as_str()],
        )?;
        if n == 0 {
            return Err(Error::NoSuchRep(username.to_owned()));
        }
        bump(&tx)?;
        tx.commit()?;
        Ok(())
    }

    /// Records a hand-over of `from`'s clients and book to `to` for `[start, end)`.
    pub fn add_handover(&self, h: &Handover) -> Result<(), Error> {
        if h.from_rep == h.to_rep {
            return Err(Error::SelfHandover(h.from_rep.clone()));
        }
        if h.ends_at_ms <= h.starts_at_ms {
            return Err(Error::BadPeriod);
        }
        let from = self.existing_rep(&h.from_rep)?;
        let to = self.existing_rep(&h.to_rep)?;
        if from.team != to.team {
            return Err(Error::DifferentTeams(from.username, to.username));
        }
        if !to.active {
            return Err(Error::Revoked(to.username));
        }
        if let Some(pg) = self.pg() {
            return pg.add_handover(h);
        }
        let mut conn = self.conn();
        let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        tx.execute(
            "INSERT INTO handovers (from_rep, to_rep, starts_at_ms, ends_at_ms) VALUES (?1, ?2, ?3, ?4)",
            params![h.from_rep, h.to_rep, h.starts_at_ms, h.ends_at_ms],
        )?;
        bump(&tx)?;
        tx.commit()?;
        Ok(())
    }

    /// Every hand-over that has not ended before `now_ms`.
    pub fn handovers(&self, now_ms: i64) -> Result<Vec<Handover>, Error> {
        if let Some(pg) = self.pg() {
            return pg.handovers(now_ms);
        }
        let conn = self.conn();
        let mut stmt = conn.prepare(
            "SELECT from_rep, to_rep, starts_at_ms, ends_at_ms FROM handovers WHERE ends_at_ms > ?1",
        )?;
        let rows = stmt.query_map([now_ms], |r| {
            Ok(Handover {
                from_rep: r.get(0)?,
                to_rep: r.get(1)?,
                starts_at_ms: r.get(2)?,
                ends_at_ms: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    fn rep(&self, username: &str) -> Result<Option<(Rep, String)>, Error> {
        let row: Option<(String, String)> = if let Some(pg) = self.pg() {
            pg.active_rep(username)?
        } else {
            self.conn()
            .query_row(
                "SELECT t.index_doc, r.password_hash FROM reps r JOIN teams t ON t.id = r.team_id
                 WHERE r.username = ?1 AND r.active = 1",
                [username],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?
        };
        row.map(|(doc, hash)| {
            let team_index = doc.parse().map_err(|_| Error::Corrupt(doc))?;
            Ok((
                Rep {
                    username: username.to_owned(),
                    team_index,
                },
                hash,
            ))
        })
        .transpose()
    }

    /// Checks a password; on success opens a session. `None` for an unknown rep or a
    /// wrong password (the caller cannot tell which).
    pub fn login(
        &self,
        username: &str,
        password: &str,
        now_ms: i64,
    ) -> Result<Option<Session>, Error> {
        let Some((rep, hash)) = self.rep(username)? else {
            // Spend the same time as a real check, so response times do not reveal names.
            let _ = hash_password("a dummy password");
            return Ok(None);
        };
        let parsed = PasswordHash::new(&hash).map_err(|e| Error::Hash(e.to_string()))?;
        if Argon2::default()
            .verify_password(password.as_bytes(), &parsed)
            .is_err()
        {
            return Ok(None);
        }
        let token = random_secret();
        let expires_at = now_ms + SESSION_MS;
        if let Some(pg) = self.pg() {
            pg.insert_session(hash_token(&token), username, now_ms, expires_at)?;
        } else {
            self.conn().execute(
                "INSERT INTO sessions (token_hash, username, created_ms, expires_ms) VALUES (?1, ?2, ?3, ?4)",
                params![hash_token(&token), username, now_ms, expires_at],
            )?;
        }
        Ok(Some(Session {
            token,
            rep,
            expires_at,
        }))
    }

    /// The rep a token belongs to, if it is valid now.
    pub fn authenticate(&self, token: &str, now_ms: i64) -> Result<Option<Rep>, Error> {
        if let Some(pg) = self.pg() {
            // One round trip: the session, its rep (active) and the team.
            return pg
                .session_rep(hash_token(token), now_ms)?
                .map(|(username, doc)| {
                    Ok(Rep {
                        username,
                        team_index: parse_doc(doc)?,
                    })
                })
                .transpose();
        }
        let username: Option<String> = self
            .conn()
            .query_row(
                "SELECT username FROM sessions WHERE token_hash = ?1 AND revoked = 0 AND expires_ms > ?2",
                params![hash_token(token), now_ms],
                |r| r.get(0),
            )
            .optional()?;
        match username {
            Some(u) => Ok(self.rep(&u)?.map(|(rep, _)| rep)),
            None => Ok(None),
        }
    }

    /// Ends a session.
    pub fn logout(&self, token: &str) -> Result<(), Error> {
        if let Some(pg) = self.pg() {
            return pg.logout(hash_token(token));
        }
        self.conn().execute(
            "UPDATE sessions SET revoked = 1 WHERE token_hash = ?1",
            [hash_token(token)],
        )?;
        Ok(())
    }

    /// Revokes a rep (a lost phone, a rep who left): every session ends and the rep
    /// gets no document any more; a running server closes the rep's live connections
    /// within a poll interval. `reset-password` lets the rep in again. Returns how many
    /// sessions were open.
    pub fn revoke_sessions(&self, username: &str) -> Result<usize, Error> {
        if let Some(pg) = self.pg() {
            let n = pg.change_rep(
                username,
                "UPDATE reps SET active = FALSE WHERE username = $1",
                None,
                true,
            )?;
            return Ok(n as usize);
        }
        let mut conn = self.conn();
        let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let n = tx.execute("UPDATE reps SET active = 0 WHERE username = ?1", [username])?;
        if n == 0 {
            return Err(Error::NoSuchRep(username.to_owned()));
        }
        let sessions = tx.execute(
            "UPDATE sessions SET revoked = 1 WHERE username = ?1 AND revoked = 0",
            [username],
        )?;
        bump(&tx)?;
        tx.commit()?;
        Ok(sessions)
    }

    /// Sets a new password for a rep, revokes all of the rep's sessions, and lets a
    /// revoked rep in again.
    pub fn set_password(&self, username: &str, password: &str) -> Result<(), Error> {
        let hash = hash_password(password)?;
        if let Some(pg) = self.pg() {
            pg.change_rep(
                username,
                "UPDATE reps SET password_hash = $2, active = TRUE WHERE username = $1",
                Some(hash),
                true,
            )?;
            return Ok(());
        }
        let mut conn = self.conn();
        let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let n = tx.execute(
            "UPDATE reps SET password_hash = ?2, active = 1 WHERE username = ?1",
            params![username, hash],
        )?;
        if n == 0 {
            return Err(Error::NoSuchRep(username.to_owned()));
        }
        tx.execute(
            "UPDATE sessions SET revoked = 1 WHERE username = ?1",
            [username],
        )?;
        bump(&tx)?;
        tx.commit()?;
        Ok(())
    }
}

/// Increments the access-control revision (inside the caller's transaction).
pub(crate) fn bump(conn: &Connection) -> Result<(), Error> {
    conn.execute(
        "UPDATE meta SET value = value + 1 WHERE key = 'revision'",
        [],
    )?;
    Ok(())
}

type TeamRow = (i64, String, String, Option<String>, Option<String>);

fn team_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<TeamRow> {
    Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
}

fn team_from_row((id, name, index, team_doc, plan): TeamRow) -> Result<Team, Error> {
    let missing = || Error::Corrupt(format!("team {name:?} has no document ids"));
    Ok(Team {
        id,
        index: parse_doc(index)?,
        team_doc: parse_doc(team_doc.ok_or_else(missing)?)?,
        plan: parse_doc(plan.ok_or_else(missing)?)?,
        name,
    })
}

/// The first of PostgreSQL's team rows.
fn pg_team(rows: Vec<crate::pg_accounts::TeamRow>) -> Result<Option<Team>, Error> {
    rows.into_iter().next().map(pg_team_row).transpose()
}

fn pg_team_row(
    (id, name, index, team_doc, plan): crate::pg_accounts::TeamRow,
) -> Result<Team, Error> {
    team_from_row((id, name, index, Some(team_doc), Some(plan)))
}

fn pg_rep_row(
    (username, team, role, active, book): crate::pg_accounts::RepRow,
) -> Result<RepRecord, Error> {
    rep_from_row((username, team, role, active, Some(book)))
}

type RepRow = (String, i64, String, bool, Option<String>);

fn rep_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<RepRow> {
    Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
}

fn rep_from_row((username, team, role, active, book): RepRow) -> Result<RepRecord, Error> {
    let book = book.ok_or_else(|| Error::Corrupt(format!("rep {username:?} has no book id")))?;
    Ok(RepRecord {
        role: role
            .parse()
            .map_err(|_| Error::Corrupt(format!("rep {username:?} has the role {role:?}")))?,
        book: parse_doc(book)?,
        username,
        team,
        active,
    })
}

/// Brings a database written by an older server up to date: document ids for the team
/// and plan documents and for every rep's book, and roles.
fn migrate(conn: &Connection) -> Result<(), Error> {
    let columns = |table: &str| -> Result<Vec<String>, Error> {
        let mut stmt = conn.prepare(&format!("PRAGMA table_info({table})"))?;
        let names = stmt.query_map([], |r| r.get::<_, String>(1))?;
        Ok(names.collect::<Result<_, _>>()?)
    };
    conn.execute_batch("BEGIN IMMEDIATE")?;
    let result = (|| {
        if !columns("teams")?.iter().any(|c| c == "team_doc") {
            conn.execute_batch(
                "ALTER TABLE teams ADD COLUMN team_doc TEXT;
                 ALTER TABLE teams ADD COLUMN plan_doc TEXT;",
            )?;
        }
        if !columns("reps")?.iter().any(|c| c == "role") {
            conn.execute_batch(
                "ALTER TABLE reps ADD COLUMN role TEXT NOT NULL DEFAULT 'rep';
                 ALTER TABLE reps ADD COLUMN book_doc TEXT;",
            )?;
        }
        let teams: Vec<i64> = conn
            .prepare("SELECT id FROM teams WHERE team_doc IS NULL OR plan_doc IS NULL")?
            .query_map([], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        for id in teams {
            conn.execute(
                "UPDATE teams SET team_doc = coalesce(team_doc, ?2), plan_doc = coalesce(plan_doc, ?3) WHERE id = ?1",
                params![id, random_doc_id().to_string(), random_doc_id().to_string()],
            )?;
        }
        let reps: Vec<String> = conn
            .prepare("SELECT username FROM reps WHERE book_doc IS NULL")?
            .query_map([], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        for name in reps {
            conn.execute(
                "UPDATE reps SET book_doc = ?2 WHERE username = ?1",
                params![name, random_doc_id().to_string()],
            )?;
        }
        Ok::<_, Error>(())
    })();
    match result {
        Ok(()) => {
            conn.execute_batch("COMMIT")?;
            Ok(())
        }
        Err(e) => {
            let _ = conn.execute_batch("ROLLBACK");
            Err(e)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp_db(tag: &str) -> std::path::PathBuf {
        let dir = std::env::temp_dir().join(format!(
            "fb-accounts-{tag}-{}-{}",
            std::process::id(),
            rand::random::<u32>()
        ));
        std::fs::create_dir_all(&dir).unwrap();
        dir.join("fieldbase.db")
    }

    #[test]
    fn an_older_database_gets_ids_roles_and_its_documents_registered() {
        let path = temp_db("migrate");
        let index = random_doc_id();
        let legacy = random_doc_id();
        {
            // The schema of the server before access control, with one stored document.
            let conn = Connection::open(&path).unwrap();
            conn.execute_batch(
                "CREATE TABLE teams (id INTEGER PRIMARY KEY, name TEXT NOT NULL, index_doc TEXT NOT NULL);
                 CREATE TABLE reps (username TEXT PRIMARY KEY, team_id INTEGER NOT NULL REFERENCES teams(id),
                     password_hash TEXT NOT NULL, active INTEGER NOT NULL DEFAULT 1);
                 CREATE TABLE chunks (key TEXT PRIMARY KEY, data BLOB NOT NULL) WITHOUT ROWID;",
            )
            .unwrap();
            conn.execute(
                "INSERT INTO teams (name, index_doc) VALUES ('Team', ?1)",
                [index.to_string()],
            )
            .unwrap();
            conn.execute(
                "INSERT INTO reps (username, team_id, password_hash) VALUES ('admin', 1, 'x'), ('boris', 1, 'y')",
                [],
            )
            .unwrap();
            for key in [
                format!("{index}/snapshot/aa"),
                format!("{legacy}/snapshot/bb"),
                format!("{legacy}/incremental/cc"),
                "storage-adapter-id".to_string(),
            ] {
                conn.execute("INSERT INTO chunks (key, data) VALUES (?1, x'00')", [key])
                    .unwrap();
            }
        }
        let a = Accounts::open(&path).unwrap();
        let team = a.first_team().unwrap().unwrap();
        assert_eq!(team.index, index);
        assert_ne!(team.team_doc, team.plan);
        let reps = a.reps().unwrap();
        assert_eq!(reps.len(), 2);
        assert!(reps.iter().all(|r| r.role == Role::Rep && r.active));
        assert_ne!(reps[0].book, reps[1].book);
        let before = a.revision().unwrap();
        assert_eq!(a.register_legacy_documents().unwrap(), 1);
        assert!(a.revision().unwrap() > before);
        let c = a.client(legacy).unwrap().unwrap();
        assert_eq!(
            (c.owner.as_str(), c.restricted, c.team),
            ("admin", false, 1)
        );
        assert_eq!(a.register_legacy_documents().unwrap(), 0, "only once");
        // Reopening keeps the drawn ids.
        drop(a);
        let again = Accounts::open(&path).unwrap();
        assert_eq!(again.first_team().unwrap().unwrap(), team);
    }

    #[test]
    fn admin_changes_bump_the_revision_and_refusals_change_nothing() {
        let a = Accounts::open(&temp_db("rev")).unwrap();
        let north = a.create_team("North", None).unwrap();
        let south = a.create_team("South", None).unwrap();
        let r0 = a.revision().unwrap();
        a.add_rep(north.id, "anna", "anna-password", Role::Rep)
            .unwrap();
        a.add_rep(north.id, "carl", "carl-password", Role::Rep)
            .unwrap();
        a.add_rep(south.id, "sven", "sven-password", Role::Head)
            .unwrap();
        let r1 = a.revision().unwrap();
        assert_eq!(r1, r0 + 3);
        let h = |from: &str, to: &str, s: i64, e: i64| Handover {
            from_rep: from.into(),
            to_rep: to.into(),
            starts_at_ms: s,
            ends_at_ms: e,
        };
        for (bad, why) in [
            (h("anna", "sven", 0, 10), "different teams"),
            (h("anna", "carl", 10, 10), "the end must be after"),
            (h("anna", "anna", 0, 10), "himself"),
            (h("nobody", "carl", 0, 10), "no rep named"),
        ] {
            let err = a.add_handover(&bad).unwrap_err().to_string();
            assert!(err.contains(why), "{err}");
        }
        assert!(matches!(
            a.create_team("North", None),
            Err(Error::TeamExists(_))
        ));
        assert!(matches!(
            a.add_rep(north.id, "anna", "other-password", Role::Head),
            Err(Error::RepExists(_))
        ));
        assert!(a.set_role("nobody", Role::Head).is_err());
        assert_eq!(a.revision().unwrap(), r1, "refusals change nothing");
        assert!(a.handovers(0).unwrap().is_empty());
        a.add_handover(&h("anna", "carl", 0, 10)).unwrap();
        assert_eq!(a.handovers(5).unwrap().len(), 1);
        assert!(
            a.handovers(10).unwrap().is_empty(),
            "ended ones are not loaded"
        );
        a.revoke_sessions("carl").unwrap();
        assert!(!a.existing_rep("carl").unwrap().active);
        a.set_password("carl", "carl-new-password").unwrap();
        assert!(
            a.existing_rep("carl").unwrap().active,
            "a reset lifts a revoke"
        );
        assert_eq!(a.revision().unwrap(), r1 + 3);
    }
}
