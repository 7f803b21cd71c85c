//! The admin commands behind the command line: teams, reps, roles, hand-overs, client
//! ownership, backup and restore. Each checks everything before it writes, so a refused
//! command changes nothing; each write bumps the revision a running server polls. With
//! `--postgres` they work on the PostgreSQL database the servers share ([`Target`]).

use std::{
    fs::File,
    path::{Path, PathBuf},
};

use fieldbase_core::DocumentId;
use rusqlite::{Connection, MAIN_DB, OpenFlags};

use crate::{
    Error,
    accounts::{APPLICATION_ID, Accounts, Handover, RepRecord, Team},
    db_path,
    documents::ClientRecord,
    policy::Role,
};

/// Where the admin commands find the accounts: the data directory's SQLite file, or the
/// PostgreSQL database (`--postgres`, `FIELDBASE_POSTGRES`, or `postgres` in the
/// configuration file, as for `serve`).
#[derive(Debug, Clone)]
pub struct Target {
    /// The data directory.
    pub data: PathBuf,
    /// The PostgreSQL connection string, when the servers run with `--postgres`.
    pub postgres: Option<String>,
}

/// The file a running server holds locked in its data directory.
pub fn lock_path(data: &Path) -> PathBuf {
    data.join("fieldbase.lock")
}

/// Takes the data directory's lock for as long as the returned file lives; fails with
/// [`Error::ServerRunning`] when a server holds it.
pub fn lock_data_dir(data: &Path) -> Result<File, Error> {
    lock(data, false)
}

/// The lock an instance over PostgreSQL takes on its data directory (which holds nothing
/// else then: accounts and documents are in the database): several instances may share
/// a directory, and a SQLite server or `restore` (which want the exclusive lock) are
/// refused while one holds it.
pub fn lock_data_dir_shared(data: &Path) -> Result<File, Error> {
    lock(data, true)
}

fn lock(data: &Path, shared: bool) -> Result<File, Error> {
    let path = lock_path(data);
    let file = File::options()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(Error::io(format!("opening {}", path.display())))?;
    let attempt = if shared {
        file.try_lock_shared()
    } else {
        file.try_lock()
    };
    match attempt {
        Ok(()) => Ok(file),
        Err(std::fs::TryLockError::WouldBlock) => {
            Err(Error::ServerRunning(data.display().to_string()))
        }
        Err(std::fs::TryLockError::Error(e)) => {
            Err(Error::io(format!("locking {}", path.display()))(e))
        }
    }
}

/// Parses `YYYY-MM-DD` (midnight UTC) or RFC 3339 (`2026-12-01T08:00:00Z`,
/// `2026-12-01T09:00:00.250+01:00`) to ms since the epoch.
pub fn parse_instant(text: &str) -> Result<i64, Error> {
    let bad = || Error::BadDate(text.to_owned());
    let t = text.trim();
    let num = |s: &str| -> Result<i64, Error> {
        if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad());
        }
        s.parse().map_err(|_| bad())
    };
    let date = t.get(..10).ok_or_else(bad)?;
    let (y, m, d) = match date.split('-').collect::<Vec<_>>()[..] {
        [y, m, d] if y.len() == 4 && m.len() == 2 && d.len() == 2 => (num(y)?, num(m)?, num(d)?),
        _ => return Err(bad()),
    };
    if !(1..=12).contains(&m) || d < 1 || d > days_in_month(y, m) {
        return Err(bad());
    }
    let day_ms = days_from_civil(y, m, d) * 86_400_000;
    let rest = &t[10..];
    if rest.is_empty() {
        return Ok(day_ms);
    }
    let rest = rest.strip_prefix(['T', 't', ' ']).ok_or_else(bad)?;
    let (clock, offset_ms) = if let Some(c) = rest.strip_suffix(['Z', 'z']) {
        (c, 0)
    } else {
        let at = rest.rfind(['+', '-']).ok_or_else(bad)?;
        let (c, off) = rest.split_at(at);
        let sign = if off.starts_with('-') { -1 } else { 1 };
        let (oh, om) = off[1..].split_once(':').ok_or_else(bad)?;
        let (oh, om) = (num(oh)?, num(om)?);
        if oh > 23 || om > 59 {
            return Err(bad());
        }
        (c, sign * (oh * 60 + om) * 60_000)
    };
    let (hms, frac) = match clock.split_once('.') {
        Some((hms, frac)) => (hms, Some(frac)),
        None => (clock, None),
    };
    let (h, mi, s) = match hms.split(':').collect::<Vec<_>>()[..] {
        [h, mi, s] if h.len() == 2 && mi.len() == 2 && s.len() == 2 => (num(h)?, num(mi)?, num(s)?),
        _ => return Err(bad()),
    };
    if h > 23 || mi > 59 || s > 60 {
        return Err(bad());
    }
    let ms = match frac {
        Some(f) => {
            num(f)?;
            let digits: String = f.chars().chain("000".chars()).take(3).collect();
            num(&digits)?
        }
        None => 0,
    };
    Ok(day_ms + ((h * 60 + mi) * 60 + s) * 1000 + ms - offset_ms)
}

fn days_in_month(y: i64, m: i64) -> i64 {
    match m {
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Opens the accounts of an existing data directory (admin commands never create one),
/// or of the PostgreSQL database (whose tables are created if missing).
pub fn open(target: &Target) -> Result<Accounts, Error> {
    if let Some(url) = &target.postgres {
        return Accounts::open_postgres(url);
    }
    let db = db_path(&target.data);
    if !db.is_file() {
        return Err(Error::NotFieldbase(
            db.display().to_string(),
            "no database here: run `serve` once first, or pass --data".into(),
        ));
    }
    Accounts::open(&db)
}

/// `create-team <name>`.
pub fn create_team(accounts: &Accounts, name: &str) -> Result<Team, Error> {
    accounts.create_team(name, None)
}

/// `add-rep <user> [--team <name>] [--role <role>]`: the first team when none is named.
pub fn add_rep(
    accounts: &Accounts,
    username: &str,
    password: &str,
    team: Option<&str>,
    role: Role,
) -> Result<RepRecord, Error> {
    let team = match team {
        Some(name) => accounts
            .team_by_name(name)?
            .ok_or_else(|| Error::NoSuchTeam(name.to_owned()))?,
        None => accounts
            .first_team()?
            .ok_or_else(|| Error::NoSuchTeam("(no team yet: run `serve` once first)".into()))?,
    };
    accounts.add_rep(team.id, username, password, role)
}

/// `hand-over --from --to --start --end`.
pub fn hand_over(
    accounts: &Accounts,
    from: &str,
    to: &str,
    start: &str,
    end: &str,
) -> Result<Handover, Error> {
    let h = Handover {
        from_rep: from.to_owned(),
        to_rep: to.to_owned(),
        starts_at_ms: parse_instant(start)?,
        ends_at_ms: parse_instant(end)?,
    };
    accounts.add_handover(&h)?;
    Ok(h)
}

fn doc_id(text: &str) -> Result<DocumentId, Error> {
    let text = text.trim().trim_start_matches("automerge:");
    text.parse()
        .map_err(|_| Error::BadDocumentId(text.to_owned()))
}

/// `transfer <client-doc-id> --to <user>`.
pub fn transfer(accounts: &Accounts, doc: &str, to: &str) -> Result<ClientRecord, Error> {
    accounts.transfer(doc_id(doc)?, to)
}

/// `restrict <client-doc-id> [--off]`.
pub fn restrict(accounts: &Accounts, doc: &str, on: bool) -> Result<(), Error> {
    accounts.set_restricted(doc_id(doc)?, on, true)
}

/// `backup <file>`: a consistent snapshot of the whole database (accounts, the access
/// tables and every document's chunks) taken with `VACUUM INTO`, safe while the server
/// runs and writes (it reads one transaction's view). On PostgreSQL: one REPEATABLE READ
/// transaction written into the same SQLite format ([`crate::pg_copy::backup`]).
pub fn backup(target: &Target, file: &Path) -> Result<(), Error> {
    if file.exists() {
        return Err(Error::Io {
            what: format!("backing up to {}", file.display()),
            source: std::io::Error::new(std::io::ErrorKind::AlreadyExists, "the file exists"),
        });
    }
    let accounts = open(target)?;
    if let Some(pg) = accounts.pg() {
        if let Err(e) = crate::pg_copy::backup(pg, file) {
            let _ = std::fs::remove_file(file);
            return Err(e);
        }
        return verify(file);
    }
    let conn = accounts.conn();
    conn.execute("VACUUM INTO ?1", [file.to_string_lossy()])?;
    drop(conn);
    verify(file)?;
    Ok(())
}

/// Checks that `file` is a sound Fieldbase database.
pub fn verify(file: &Path) -> Result<(), Error> {
    let name = file.display().to_string();
    let not = |why: &str| Error::NotFieldbase(name.clone(), why.to_owned());
    if !file.is_file() {
        return Err(not("no such file"));
    }
    let conn = Connection::open_with_flags(file, OpenFlags::SQLITE_OPEN_READ_ONLY)
        .map_err(|e| not(&e.to_string()))?;
    let app: i32 = conn
        .pragma_query_value(None, "application_id", |r| r.get(0))
        .map_err(|e| not(&e.to_string()))?;
    if app != APPLICATION_ID {
        return Err(not("it does not carry Fieldbase's application id"));
    }
    for table in [
        "teams",
        "reps",
        "sessions",
        "documents",
        "handovers",
        "meta",
        "chunks",
    ] {
        let n: i64 = conn
            .query_row(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?1",
                [table],
                |r| r.get(0),
            )
            .map_err(|e| not(&e.to_string()))?;
        if n == 0 {
            return Err(not(&format!("the table {table} is missing")));
        }
    }
    let check: String = conn
        .query_row("PRAGMA quick_check", [], |r| r.get(0))
        .map_err(|e| not(&e.to_string()))?;
    if check != "ok" {
        return Err(not(&format!("integrity check: {check}")));
    }
    Ok(())
}

/// `restore <file> [--force]`: replaces the data directory's database with a backup.
/// Refuses a file that is not a sound Fieldbase database, and, without `force`, a data
/// directory a server is running on or that already holds a database. Copies with
/// SQLite's backup API, so a forced restore under a running server is not torn (restart
/// the server afterwards: it keeps documents in memory). On PostgreSQL: into an empty
/// database only, in one transaction ([`crate::pg_copy::restore`]); `force` does not apply.
pub fn restore(target: &Target, file: &Path, force: bool) -> Result<(), Error> {
    verify(file)?;
    if let Some(url) = &target.postgres {
        return crate::pg_copy::restore(&crate::pg_accounts::PgAccounts::connect(url)?, file);
    }
    let data = target.data.as_path();
    std::fs::create_dir_all(data).map_err(Error::io(format!("creating {}", data.display())))?;
    let lock = lock_data_dir(data);
    let _held = if force { lock.ok() } else { Some(lock?) };
    if !force {
        let db = db_path(data);
        if db.exists() && std::fs::metadata(&db).map(|m| m.len() > 0).unwrap_or(false) {
            return Err(Error::WouldOverwrite(db.display().to_string()));
        }
    }
    let db = db_path(data);
    let previous: i64 = if db.is_file() {
        Connection::open(&db)?
            .query_row("SELECT value FROM meta WHERE key = 'revision'", [], |r| {
                r.get(0)
            })
            .unwrap_or(0)
    } else {
        0
    };
    let source = Connection::open_with_flags(file, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    source.backup(MAIN_DB, &db, None)?;
    // A server running on it (forced) must notice: move the revision past both.
    let restored = crate::storage::open_db(&db)?;
    restored.execute(
        "UPDATE meta SET value = max(value, ?1) + 1 WHERE key = 'revision'",
        [previous],
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn instants_parse_as_dates_and_rfc3339() {
        assert_eq!(parse_instant("1970-01-01").unwrap(), 0);
        assert_eq!(parse_instant("2000-03-01").unwrap(), 951_868_800_000);
        assert_eq!(
            parse_instant("2026-12-01T08:00:00Z").unwrap(),
            parse_instant("2026-12-01").unwrap() + 8 * 3_600_000
        );
        assert_eq!(
            parse_instant("2026-12-01T09:00:00.25+01:00").unwrap(),
            parse_instant("2026-12-01T08:00:00.250Z").unwrap()
        );
        assert_eq!(
            parse_instant("2026-11-30T20:00:00-04:00").unwrap(),
            parse_instant("2026-12-01T00:00:00Z").unwrap()
        );
        for bad in [
            "",
            "tomorrow",
            "2026-13-01",
            "2026-02-29",
            "2026-12-01T25:00:00Z",
            "2026-12-01T08:00:00",
            "2026-12-01T08:00Z",
            "12/01/2026",
        ] {
            assert!(parse_instant(bad).is_err(), "{bad}");
        }
        assert!(parse_instant("2028-02-29").is_ok());
    }
}
