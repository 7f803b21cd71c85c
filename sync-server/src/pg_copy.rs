//! Copies between the SQLite database format and PostgreSQL: `backup` from PostgreSQL
//! (one REPEATABLE READ transaction, written as the same SQLite file the SQLite backup
//! writes), `restore` into an empty PostgreSQL database (one transaction), and the
//! one-time import of a data directory's SQLite accounts when a server first starts on a
//! PostgreSQL database without accounts (an upgrade from the version that kept accounts
//! in SQLite next to PostgreSQL chunks).

use std::path::Path;

use rusqlite::{Connection, OpenFlags, params_from_iter};
use tokio_postgres::types::ToSql;

use crate::{Error, accounts::Accounts, pg_accounts::PgAccounts, storage::SqliteStorage};

/// A column's type on both sides.
#[derive(Clone, Copy)]
enum Kind {
    /// SQLite INTEGER, PostgreSQL BIGINT.
    Int,
    /// SQLite INTEGER 0/1, PostgreSQL BOOLEAN.
    Bool,
    /// TEXT, possibly NULL.
    Text,
    /// SQLite BLOB, PostgreSQL BYTEA.
    Bytes,
}

/// One value in flight.
#[derive(Debug)]
enum Value {
    Int(i64),
    Bool(bool),
    Text(Option<String>),
    Bytes(Vec<u8>),
}

impl Value {
    fn pg(&self) -> &(dyn ToSql + Sync) {
        match self {
            Value::Int(v) => v,
            Value::Bool(v) => v,
            Value::Text(v) => v,
            Value::Bytes(v) => v,
        }
    }
}

impl rusqlite::ToSql for Value {
    fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
        match self {
            Value::Int(v) => rusqlite::ToSql::to_sql(v),
            Value::Bool(v) => rusqlite::ToSql::to_sql(v),
            Value::Text(v) => rusqlite::ToSql::to_sql(v),
            Value::Bytes(v) => rusqlite::ToSql::to_sql(v),
        }
    }
}

/// A table copied as it is.
struct Table {
    name: &'static str,
    columns: &'static [(&'static str, Kind)],
    /// Insertion order (identities and the reps' order follow it).
    sqlite_order: &'static str,
    pg_order: &'static str,
}

use Kind::*;

/// The accounts tables, parents first.
const TABLES: &[Table] = &[
    Table {
        name: "teams",
        columns: &[
            ("id", Int),
            ("name", Text),
            ("index_doc", Text),
            ("team_doc", Text),
            ("plan_doc", Text),
        ],
        sqlite_order: "id",
        pg_order: "id",
    },
    Table {
        name: "reps",
        columns: &[
            ("username", Text),
            ("team_id", Int),
            ("password_hash", Text),
            ("active", Bool),
            ("role", Text),
            ("book_doc", Text),
        ],
        sqlite_order: "rowid",
        pg_order: "seq",
    },
    Table {
        name: "sessions",
        columns: &[
            ("token_hash", Text),
            ("username", Text),
            ("created_ms", Int),
            ("expires_ms", Int),
            ("revoked", Bool),
        ],
        sqlite_order: "rowid",
        pg_order: "token_hash",
    },
    Table {
        name: "documents",
        columns: &[
            ("doc_id", Text),
            ("team_id", Int),
            ("owner", Text),
            ("restricted", Bool),
        ],
        sqlite_order: "doc_id",
        pg_order: "doc_id",
    },
    Table {
        name: "handovers",
        columns: &[
            ("id", Int),
            ("from_rep", Text),
            ("to_rep", Text),
            ("starts_at_ms", Int),
            ("ends_at_ms", Int),
        ],
        sqlite_order: "id",
        pg_order: "id",
    },
    Table {
        name: "meta",
        columns: &[("key", Text), ("value", Int)],
        sqlite_order: "key",
        pg_order: "key",
    },
];

const CHUNKS: Table = Table {
    name: "chunks",
    columns: &[("key", Text), ("data", Bytes)],
    sqlite_order: "key",
    pg_order: "key",
};

/// Rows of chunks copied per round trip.
const BATCH: i64 = 500;

fn names(t: &Table) -> String {
    t.columns
        .iter()
        .map(|(c, _)| *c)
        .collect::<Vec<_>>()
        .join(", ")
}

/// A table's rows; `after`: the next batch of rows whose first column (the key) sorts
/// after it.
fn sqlite_rows(
    conn: &Connection,
    t: &Table,
    after: Option<&str>,
) -> Result<Vec<Vec<Value>>, Error> {
    let (filter, limit) = match after {
        Some(_) => (
            format!("WHERE {} > ?1", t.columns[0].0),
            format!("LIMIT {BATCH}"),
        ),
        None => (String::new(), String::new()),
    };
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {} FROM {} {filter} ORDER BY {} {limit}",
        names(t),
        t.name,
        t.sqlite_order
    ))?;
    let rows = stmt.query_map(params_from_iter(after), |r| {
        t.columns
            .iter()
            .enumerate()
            .map(|(i, (_, kind))| {
                Ok(match kind {
                    Int => Value::Int(r.get(i)?),
                    Bool => Value::Bool(r.get::<_, i64>(i)? != 0),
                    Text => Value::Text(r.get(i)?),
                    Bytes => Value::Bytes(r.get(i)?),
                })
            })
            .collect::<rusqlite::Result<Vec<_>>>()
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

fn pg_row(t: &Table, r: &tokio_postgres::Row) -> Vec<Value> {
    t.columns
        .iter()
        .enumerate()
        .map(|(i, (_, kind))| match kind {
            Int => Value::Int(r.get(i)),
            Bool => Value::Bool(r.get(i)),
            Text => Value::Text(r.get(i)),
            Bytes => Value::Bytes(r.get(i)),
        })
        .collect()
}

fn placeholders(n: usize, pg: bool) -> String {
    (1..=n)
        .map(|i| if pg { format!("${i}") } else { format!("?{i}") })
        .collect::<Vec<_>>()
        .join(", ")
}

fn sqlite_insert(conn: &Connection, t: &Table, rows: &[Vec<Value>]) -> Result<(), Error> {
    let mut stmt = conn.prepare_cached(&format!(
        "INSERT OR REPLACE INTO {} ({}) VALUES ({})",
        t.name,
        names(t),
        placeholders(t.columns.len(), false)
    ))?;
    for row in rows {
        stmt.execute(params_from_iter(row.iter()))?;
    }
    Ok(())
}

/// Inserts rows into PostgreSQL; `meta` keeps the larger counter, plus one, so that
/// running servers notice the change.
async fn pg_insert(
    tx: &deadpool_postgres::Transaction<'_>,
    t: &Table,
    rows: &[Vec<Value>],
) -> Result<(), Error> {
    let conflict = if t.name == "meta" {
        " ON CONFLICT (key) DO UPDATE SET value = greatest(meta.value, excluded.value) + 1"
    } else {
        ""
    };
    let stmt = tx
        .prepare(&format!(
            "INSERT INTO {} ({}) VALUES ({}){conflict}",
            t.name,
            names(t),
            placeholders(t.columns.len(), true)
        ))
        .await?;
    for row in rows {
        let params: Vec<&(dyn ToSql + Sync)> = row.iter().map(Value::pg).collect();
        tx.execute(&stmt, &params).await?;
    }
    Ok(())
}

/// After rows with explicit ids: the identities continue after the largest.
async fn pg_reset_identities(tx: &deadpool_postgres::Transaction<'_>) -> Result<(), Error> {
    for table in ["teams", "handovers"] {
        tx.execute(
            &format!(
                "SELECT setval(pg_get_serial_sequence('{table}', 'id'), coalesce(max(id), 0) + 1, false) FROM {table}"
            ),
            &[],
        )
        .await?;
    }
    Ok(())
}

/// Copies the accounts tables of `sqlite` into `tx`, and the chunks too when `chunks`.
async fn sqlite_into_pg(
    sqlite: Connection,
    tx: &deadpool_postgres::Transaction<'_>,
    chunks: bool,
) -> Result<(), Error> {
    for t in TABLES {
        let rows = sqlite_rows(&sqlite, t, None)?;
        pg_insert(tx, t, &rows).await?;
    }
    pg_reset_identities(tx).await?;
    if chunks {
        let mut after = String::new();
        loop {
            let rows = sqlite_rows(&sqlite, &CHUNKS, Some(&after))?;
            let Some(Value::Text(Some(last))) = rows.last().map(|r| &r[0]) else {
                break;
            };
            after = last.clone();
            pg_insert(tx, &CHUNKS, &rows).await?;
        }
    }
    Ok(())
}

/// On a first start over PostgreSQL: when the database has no team yet and the data
/// directory holds a SQLite database with accounts, copies them (teams, reps, sessions,
/// registry, hand-overs, counters) in one transaction. Chunks are not copied: with
/// `--postgres` they were in PostgreSQL already. Returns whether it imported.
pub fn import_sqlite_accounts(pg: &PgAccounts, db: &Path) -> Result<bool, Error> {
    if !db.is_file() || !pg.teams_where("ORDER BY id LIMIT 1", None)?.is_empty() {
        return Ok(false);
    }
    // Brings an older file up to date first (document ids, roles).
    drop(Accounts::open(db)?);
    let has_teams: bool = Connection::open_with_flags(db, OpenFlags::SQLITE_OPEN_READ_ONLY)?
        .query_row("SELECT count(*) > 0 FROM teams", [], |r| r.get(0))?;
    if !has_teams {
        return Ok(false);
    }
    let db = db.to_path_buf();
    pg.run(move |pool| async move {
        let sqlite = Connection::open_with_flags(&db, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
        let mut c = pool.get().await?;
        let tx = c.transaction().await?;
        sqlite_into_pg(sqlite, &tx, false).await?;
        tx.commit().await?;
        Ok(true)
    })
}

/// `restore <file>` with `--postgres`: copies a backup (checked by the caller) into the
/// database in one transaction; refused unless the database is empty (no team, no
/// chunk), so a running instance's data is never mixed with a backup's.
pub fn restore(pg: &PgAccounts, file: &Path) -> Result<(), Error> {
    if !pg.is_empty()? {
        return Err(Error::NotEmpty);
    }
    let file = file.to_path_buf();
    pg.run(move |pool| async move {
        let sqlite = Connection::open_with_flags(&file, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
        let mut c = pool.get().await?;
        let tx = c.transaction().await?;
        sqlite_into_pg(sqlite, &tx, true).await?;
        tx.commit().await?;
        Ok(())
    })
}

/// `backup <file>` with `--postgres`: one REPEATABLE READ, READ ONLY transaction reads
/// the accounts tables and every chunk (a consistent snapshot, taken while instances
/// serve and write), written into a new SQLite file of the format the SQLite backup
/// writes (so `restore` takes either, into either backend).
pub fn backup(pg: &PgAccounts, file: &Path) -> Result<(), Error> {
    // The same schema and application id as a server's own database.
    drop(Accounts::open(file)?);
    drop(SqliteStorage::open(file)?);
    let path = file.to_path_buf();
    pg.run(move |pool| async move {
        // BEGIN/COMMIT by hand: a rusqlite transaction borrows the connection, which
        // cannot be held across an await of a task that may move between threads.
        let out = Connection::open(&path)?;
        out.execute_batch("BEGIN")?;
        let mut c = pool.get().await?;
        let tx = c.transaction().await?;
        tx.batch_execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            .await?;
        for t in TABLES.iter().chain([&CHUNKS]) {
            let sql = format!(
                "SELECT {} FROM {} ORDER BY {}",
                names(t),
                t.name,
                t.pg_order
            );
            let portal = tx.bind(&sql, &[]).await?;
            loop {
                let rows = tx.query_portal(&portal, BATCH as i32).await?;
                if rows.is_empty() {
                    break;
                }
                let rows: Vec<Vec<Value>> = rows.iter().map(|r| pg_row(t, r)).collect();
                sqlite_insert(&out, t, &rows)?;
            }
        }
        tx.commit().await?;
        out.execute_batch("COMMIT")?;
        // One self-contained file, as `VACUUM INTO` writes.
        out.pragma_update(None, "journal_mode", "DELETE")?;
        Ok(())
    })
}
