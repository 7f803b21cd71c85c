//! Teams, reps, passwords (argon2) and session tokens, in the server's SQLite database.
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

use crate::{Error, storage::open_db};

/// How long a login lasts, in milliseconds (30 days: a rep on the road for weeks stays
/// logged in on the device).
pub const SESSION_MS: i64 = 30 * 24 * 3600 * 1000;

/// A rep as the rest of the server sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rep {
    /// Login name; also the first part of every peer id the rep may use.
    pub username: String,
    /// The team's index document.
    pub team_index: DocumentId,
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
    conn: Arc<Mutex<Connection>>,
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

/// A random secret as 64 hex digits.
pub fn random_secret() -> String {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

impl Accounts {
    /// Opens the accounts tables in the database at `path`, creating them if needed.
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
             );",
        )?;
        Ok(Accounts {
            conn: Arc::new(Mutex::new(conn)),
        })
    }

    fn conn(&self) -> std::sync::MutexGuard<'_, Connection> {
        self.conn.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// The first team's id and index document, if a team exists.
    pub fn first_team(&self) -> Result<Option<(i64, DocumentId)>, Error> {
        let row: Option<(i64, String)> = self
            .conn()
            .query_row(
                "SELECT id, index_doc FROM teams ORDER BY id LIMIT 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        row.map(|(id, doc)| Ok((id, doc.parse().map_err(|_| Error::Corrupt(doc))?)))
            .transpose()
    }

    /// Records a team whose index document already exists.
    pub fn create_team(&self, name: &str, index: DocumentId) -> Result<i64, Error> {
        let conn = self.conn();
        conn.execute(
            "INSERT INTO teams (name, index_doc) VALUES (?1, ?2)",
            params![name, index.to_string()],
        )?;
        Ok(conn.last_insert_rowid())
    }

    /// Adds a rep to a team.
    pub fn add_rep(&self, team: i64, username: &str, password: &str) -> Result<(), Error> {
        check_username(username)?;
        let hash = hash_password(password)?;
        self.conn().execute(
            "INSERT INTO reps (username, team_id, password_hash) VALUES (?1, ?2, ?3)",
            params![username, team, hash],
        )?;
        Ok(())
    }

    /// How many reps exist.
    pub fn rep_count(&self) -> Result<i64, Error> {
        Ok(self
            .conn()
            .query_row("SELECT count(*) FROM reps", [], |r| r.get(0))?)
    }

    /// Active rep names (for the share policy).
    pub fn active_reps(&self) -> Result<Vec<String>, Error> {
        let conn = self.conn();
        let mut stmt = conn.prepare("SELECT username FROM reps WHERE active = 1")?;
        let rows = stmt.query_map([], |r| r.get(0))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    fn rep(&self, username: &str) -> Result<Option<(Rep, String)>, Error> {
        let row: Option<(String, String)> = self
            .conn()
            .query_row(
                "SELECT t.index_doc, r.password_hash FROM reps r JOIN teams t ON t.id = r.team_id
                 WHERE r.username = ?1 AND r.active = 1",
                [username],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
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
        self.conn().execute(
            "INSERT INTO sessions (token_hash, username, created_ms, expires_ms) VALUES (?1, ?2, ?3, ?4)",
            params![hash_token(&token), username, now_ms, expires_at],
        )?;
        Ok(Some(Session {
            token,
            rep,
            expires_at,
        }))
    }

    /// The rep a token belongs to, if it is valid now.
    pub fn authenticate(&self, token: &str, now_ms: i64) -> Result<Option<Rep>, Error> {
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
        self.conn().execute(
            "UPDATE sessions SET revoked = 1 WHERE token_hash = ?1",
            [hash_token(token)],
        )?;
        Ok(())
    }

    /// Ends every session of a rep (a lost phone): its tokens stop working at once for new
    /// connections and logins. Returns how many sessions were open.
    pub fn revoke_sessions(&self, username: &str) -> Result<usize, Error> {
        if self.rep(username)?.is_none() {
            return Err(Error::NoSuchRep(username.to_owned()));
        }
        Ok(self.conn().execute(
            "UPDATE sessions SET revoked = 1 WHERE username = ?1 AND revoked = 0",
            [username],
        )?)
    }

    /// Sets a new password for a rep and revokes all of the rep's sessions.
    pub fn set_password(&self, username: &str, password: &str) -> Result<(), Error> {
        let hash = hash_password(password)?;
        let conn = self.conn();
        let n = conn.execute(
            "UPDATE reps SET password_hash = ?2 WHERE username = ?1",
            params![username, hash],
        )?;
        if n == 0 {
            return Err(Error::NoSuchRep(username.to_owned()));
        }
        conn.execute(
            "UPDATE sessions SET revoked = 1 WHERE username = ?1",
            [username],
        )?;
        Ok(())
    }
}
