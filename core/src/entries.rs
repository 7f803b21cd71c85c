//! Entities a client document keeps in maps at its root (`interactions`, `tasks`),
//! keyed by ids the caller draws, and the small readers they share.
//!
//! Two replicas that each create such a map concurrently leave two competing maps under
//! one key; every reader here reads all of them, so no entry is lost.

use automerge::{ObjId, ObjType, ROOT, ReadDoc, Value, transaction::Transactable};

use crate::Error;

/// Every map under `key` at the root: normally one, more after concurrent creation.
pub(crate) fn root_maps<R: ReadDoc>(doc: &R, key: &str) -> Vec<ObjId> {
    maps(doc, &ROOT, key)
}

/// Every map under `key` of `parent`: normally one, more after concurrent creation.
pub(crate) fn maps<R: ReadDoc>(doc: &R, parent: &ObjId, key: &str) -> Vec<ObjId> {
    let mut maps: Vec<ObjId> = Vec::new();
    if let Ok(Some((Value::Object(ObjType::Map), winner))) = doc.get(parent, key) {
        maps.push(winner);
    }
    for (v, obj) in doc.get_all(parent, key).unwrap_or_default() {
        if matches!(v, Value::Object(ObjType::Map)) && !maps.contains(&obj) {
            maps.push(obj);
        }
    }
    maps
}

/// The map under `key` at the root to add entries to, created when missing.
pub(crate) fn root_map_for_writing<T: Transactable>(tx: &mut T, key: &str) -> Result<ObjId, Error> {
    map_for_writing(tx, &ROOT, key)
}

/// The map under `key` of `parent` to add entries to, created when missing.
pub(crate) fn map_for_writing<T: Transactable>(
    tx: &mut T,
    parent: &ObjId,
    key: &str,
) -> Result<ObjId, Error> {
    match maps(tx, parent, key).into_iter().next() {
        Some(obj) => Ok(obj),
        None => Ok(tx.put_object(parent, key, ObjType::Map)?),
    }
}

/// The object of entry `id` in whichever map under `key` holds it.
pub(crate) fn find<R: ReadDoc>(doc: &R, key: &str, id: &str) -> Option<ObjId> {
    find_in(doc, &ROOT, key, id)
}

/// The object of entry `id` in whichever map under `key` of `parent` holds it.
pub(crate) fn find_in<R: ReadDoc>(doc: &R, parent: &ObjId, key: &str, id: &str) -> Option<ObjId> {
    maps(doc, parent, key)
        .into_iter()
        .find_map(|map| match doc.get(&map, id) {
            Ok(Some((Value::Object(ObjType::Map), obj))) => Some(obj),
            _ => None,
        })
}

/// Every entry under `key` at the root, each id once.
pub(crate) fn all<R: ReadDoc>(doc: &R, key: &str) -> Vec<(String, ObjId)> {
    all_in(doc, &ROOT, key)
}

/// Every entry under `key` of `parent`, each id once.
pub(crate) fn all_in<R: ReadDoc>(doc: &R, parent: &ObjId, key: &str) -> Vec<(String, ObjId)> {
    let mut out: Vec<(String, ObjId)> = Vec::new();
    for map in maps(doc, parent, key) {
        for id in doc.keys(&map) {
            if out.iter().any(|(o, _)| *o == id) {
                continue;
            }
            if let Ok(Some((Value::Object(ObjType::Map), obj))) = doc.get(&map, id.as_str()) {
                out.push((id, obj));
            }
        }
    }
    out
}

/// The keys set to `true` in every map under `key` of `parent` (a set that keeps
/// concurrent additions: one key per member, removed by deleting the key), sorted.
pub(crate) fn set_members<R: ReadDoc>(doc: &R, parent: &ObjId, key: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for map in maps(doc, parent, key) {
        for member in doc.keys(&map) {
            let present = matches!(doc.get(&map, member.as_str()), Ok(Some((v, _))) if v.as_bool() == Some(true));
            if present && !out.contains(&member) {
                out.push(member);
            }
        }
    }
    out.sort();
    out
}

/// Adds `member` to the set under `key` of `parent`.
pub(crate) fn set_add<T: Transactable>(
    tx: &mut T,
    parent: &ObjId,
    key: &str,
    member: &str,
) -> Result<(), Error> {
    let map = map_for_writing(tx, parent, key)?;
    tx.put(&map, member, true)?;
    Ok(())
}

/// Removes `member` from the set under `key` of `parent` (from every copy of the map).
pub(crate) fn set_remove<T: Transactable>(
    tx: &mut T,
    parent: &ObjId,
    key: &str,
    member: &str,
) -> Result<(), Error> {
    for map in maps(tx, parent, key) {
        if tx.get(&map, member)?.is_some() {
            tx.delete(&map, member)?;
        }
    }
    Ok(())
}

/// Whether an id the caller drew is usable as a map key and inside flat index keys: not
/// empty, at most 64 characters, no `:` or control characters.
pub(crate) fn usable_id(id: &str) -> bool {
    !id.is_empty() && id.chars().count() <= 64 && !id.chars().any(|c| c.is_control() || c == ':')
}

/// A string field (a scalar, or collaborative text written by another client); empty
/// when missing.
pub(crate) fn text<R: ReadDoc>(doc: &R, obj: &ObjId, key: &str) -> String {
    match doc.get(obj, key).ok().flatten() {
        Some((Value::Object(ObjType::Text), t)) => doc.text(&t).unwrap_or_default(),
        Some((v, _)) => v.as_str().map(str::to_owned).unwrap_or_default(),
        None => String::new(),
    }
}

/// An integer field; 0 when missing.
pub(crate) fn int<R: ReadDoc>(doc: &R, obj: &ObjId, key: &str) -> i64 {
    match doc.get(obj, key).ok().flatten() {
        Some((Value::Scalar(s), _)) => match s.as_ref() {
            automerge::ScalarValue::Int(i) => *i,
            automerge::ScalarValue::Uint(u) => i64::try_from(*u).unwrap_or(i64::MAX),
            automerge::ScalarValue::F64(f) => *f as i64,
            _ => 0,
        },
        _ => 0,
    }
}

/// `None` for an empty string.
pub(crate) fn non_empty(s: String) -> Option<String> {
    (!s.is_empty()).then_some(s)
}
