//! Records: structs whose fields are stored one per map key, and the `record!` macro
//! that declares them.
//!
//! A record is read with defaults for missing or unreadable fields (a document written by
//! an older or a foreign client still opens), and written field by field, only the fields
//! that differ from what is stored: concurrent edits of different fields both land, and
//! concurrent edits of one field leave the losing value retrievable as a conflict
//! ([`conflicts`]).
//!
//! Collections of records (deals, orders, order lines, payments, events, products) are
//! maps keyed by ids the caller draws, so concurrent additions both survive
//! ([`crate::entries`] reads every copy of a map created concurrently).

use automerge::{ObjId, ObjType, ReadDoc, ScalarValue, Value, transaction::Transactable};

use crate::{Currency, Date, DocumentId, Error, Money, entries};

/// A value stored as one scalar under one map key.
pub trait Scalar: Sized {
    /// The stored form.
    fn to_stored(&self) -> ScalarValue;
    /// Reads the stored form; `None` when missing or unreadable.
    fn from_value(value: &Value<'_>) -> Option<Self>;
}

fn as_text(value: &Value<'_>) -> Option<String> {
    value.as_str().map(str::to_owned)
}

impl Scalar for String {
    fn to_stored(&self) -> ScalarValue {
        ScalarValue::Str(self.as_str().into())
    }
    fn from_value(value: &Value<'_>) -> Option<Self> {
        as_text(value)
    }
}

impl Scalar for i64 {
    fn to_stored(&self) -> ScalarValue {
        ScalarValue::Int(*self)
    }
    fn from_value(value: &Value<'_>) -> Option<Self> {
        match value {
            Value::Scalar(s) => match s.as_ref() {
                ScalarValue::Int(i) => Some(*i),
                ScalarValue::Uint(u) => i64::try_from(*u).ok(),
                ScalarValue::F64(f) if f.fract() == 0.0 => Some(*f as i64),
                _ => None,
            },
            _ => None,
        }
    }
}

impl Scalar for u32 {
    fn to_stored(&self) -> ScalarValue {
        ScalarValue::Int(i64::from(*self))
    }
    fn from_value(value: &Value<'_>) -> Option<Self> {
        i64::from_value(value).and_then(|i| u32::try_from(i).ok())
    }
}

impl Scalar for bool {
    fn to_stored(&self) -> ScalarValue {
        ScalarValue::Boolean(*self)
    }
    fn from_value(value: &Value<'_>) -> Option<Self> {
        value.as_bool()
    }
}

impl Scalar for Date {
    fn to_stored(&self) -> ScalarValue {
        ScalarValue::Str(self.to_string().into())
    }
    fn from_value(value: &Value<'_>) -> Option<Self> {
        Date::parse(value.as_str()?).ok()
    }
}

impl Scalar for Currency {
    fn to_stored(&self) -> ScalarValue {
        ScalarValue::Str(self.code().into())
    }
    fn from_value(value: &Value<'_>) -> Option<Self> {
        Currency::new(value.as_str()?).ok()
    }
}

impl Scalar for DocumentId {
    fn to_stored(&self) -> ScalarValue {
        ScalarValue::Str(self.to_string().into())
    }
    fn from_value(value: &Value<'_>) -> Option<Self> {
        value.as_str()?.parse().ok()
    }
}

/// Money is one scalar, `"<minor units> <currency>"`, so an amount and its currency
/// always change together.
impl Scalar for Money {
    fn to_stored(&self) -> ScalarValue {
        ScalarValue::Str(format!("{} {}", self.minor, self.currency).into())
    }
    fn from_value(value: &Value<'_>) -> Option<Self> {
        let (minor, code) = value.as_str()?.split_once(' ')?;
        Some(Money::new(minor.parse().ok()?, Currency::new(code).ok()?))
    }
}

/// An optional value is stored as the value, or as an empty string (an explicit "not
/// set", so that clearing a field is an edit that merges like any other).
impl<T: Scalar> Scalar for Option<T> {
    fn to_stored(&self) -> ScalarValue {
        match self {
            Some(v) => v.to_stored(),
            None => ScalarValue::Str("".into()),
        }
    }
    fn from_value(value: &Value<'_>) -> Option<Self> {
        if value.as_str() == Some("") {
            return Some(None);
        }
        Some(T::from_value(value))
    }
}

/// Reads field `key` of `obj`; the default when missing or unreadable. A string written
/// as collaborative text by another client is read as its text.
pub fn read_field<R: ReadDoc, T: Scalar + Default>(doc: &R, obj: &ObjId, key: &str) -> T {
    match doc.get(obj, key).ok().flatten() {
        Some((Value::Object(ObjType::Text), text)) => {
            let s = doc.text(&text).unwrap_or_default();
            T::from_value(&Value::Scalar(std::borrow::Cow::Owned(ScalarValue::Str(
                s.into(),
            ))))
            .unwrap_or_default()
        }
        Some((v, _)) => T::from_value(&v).unwrap_or_default(),
        None => T::default(),
    }
}

/// Writes field `key` of `obj`.
pub fn write_field<T: Transactable, V: Scalar>(
    tx: &mut T,
    obj: &ObjId,
    key: &str,
    value: &V,
) -> Result<(), Error> {
    tx.put(obj, key, value.to_stored())?;
    Ok(())
}

/// A struct stored as one map, one key per field (declared with `record!`).
pub trait Record: Sized + Default + Clone + PartialEq {
    /// The stored keys, in declaration order.
    const KEYS: &'static [&'static str];
    /// Reads the record from `obj`.
    fn read<R: ReadDoc>(doc: &R, obj: &ObjId) -> Self;
    /// Writes the fields that differ from `old` (every field when `old` is `None`).
    fn write<T: Transactable>(
        &self,
        tx: &mut T,
        obj: &ObjId,
        old: Option<&Self>,
    ) -> Result<(), Error>;
    /// The keys of the fields that differ between `self` and `other`.
    fn changed_keys(&self, other: &Self) -> Vec<&'static str>;
}

/// The values of field `key` of `obj` that lost to a concurrent edit, as their stored
/// text (empty when there is no conflict).
pub fn conflicts<R: ReadDoc>(doc: &R, obj: &ObjId, key: &str) -> Vec<String> {
    let all = doc.get_all(obj, key).unwrap_or_default();
    if all.len() < 2 {
        return Vec::new();
    }
    let winner = doc.get(obj, key).ok().flatten().map(|(_, id)| id);
    all.into_iter()
        .filter(|(_, id)| Some(id) != winner.as_ref())
        .map(|(v, _)| match v {
            Value::Scalar(s) => match s.as_ref() {
                ScalarValue::Str(s) => s.to_string(),
                other => other.to_string(),
            },
            Value::Object(_) => String::new(),
        })
        .collect()
}

/// Adds a new record under `id` in the map `collection` of `parent` (the map is created
/// when missing).
pub fn insert<T: Transactable, V: Record>(
    tx: &mut T,
    parent: &ObjId,
    collection: &str,
    id: &str,
    value: &V,
) -> Result<ObjId, Error> {
    let map = entries::map_for_writing(tx, parent, collection)?;
    let obj = tx.put_object(&map, id, ObjType::Map)?;
    value.write(tx, &obj, None)?;
    Ok(obj)
}

/// Every record of the map `collection` of `parent`, each id once, sorted by id.
pub fn read_all<R: ReadDoc, V: Record>(
    doc: &R,
    parent: &ObjId,
    collection: &str,
) -> Vec<(String, ObjId, V)> {
    let mut out: Vec<(String, ObjId, V)> = entries::all_in(doc, parent, collection)
        .into_iter()
        .map(|(id, obj)| {
            let v = V::read(doc, &obj);
            (id, obj, v)
        })
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

/// Declares a record: a struct with `Debug, Clone, PartialEq, Eq, Default`, serde, and a
/// [`Record`] impl storing each field under the given key.
macro_rules! record {
    (
        $(#[$meta:meta])*
        pub struct $name:ident {
            $( $(#[$fmeta:meta])* pub $field:ident : $ty:ty => $key:literal, )+
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
        pub struct $name {
            $( $(#[$fmeta])* pub $field: $ty, )+
        }

        impl $crate::record::Record for $name {
            const KEYS: &'static [&'static str] = &[$($key),+];

            fn read<R: automerge::ReadDoc>(doc: &R, obj: &automerge::ObjId) -> Self {
                $name {
                    $( $field: $crate::record::read_field(doc, obj, $key), )+
                }
            }

            fn write<T: automerge::transaction::Transactable>(
                &self,
                tx: &mut T,
                obj: &automerge::ObjId,
                old: Option<&Self>,
            ) -> Result<(), $crate::Error> {
                $(
                    if old.is_none_or(|o| o.$field != self.$field) {
                        $crate::record::write_field(tx, obj, $key, &self.$field)?;
                    }
                )+
                Ok(())
            }

            fn changed_keys(&self, other: &Self) -> Vec<&'static str> {
                let mut keys = Vec::new();
                $( if self.$field != other.$field { keys.push($key); } )+
                keys
            }
        }
    };
}
