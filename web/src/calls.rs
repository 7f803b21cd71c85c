//! Reads and edits the screens ask of the engine, in a form that can cross to the
//! engine's worker: a plain function (a closure that captures nothing) and its
//! parameters, serialised.
//!
//! A function crosses as its address, which in WebAssembly is its index in the
//! module's function table. The engine's worker instantiates the very module the page
//! runs (the page hands it its compiled `WebAssembly.Module`, see `worker.rs`), so an
//! index names the same function on both sides. Parameters and answers cross as
//! bincode; a function's types are fixed by the trampoline instantiated next to it.

use std::marker::PhantomData;

use fieldbase_core::{Author, ClientBase, Edit, Error, Field, Problem};
use serde::{Serialize, de::DeserializeOwned};

/// Why adding a client failed.
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
pub enum AddError {
    /// A field is not acceptable; nothing was written.
    Invalid {
        /// Which field.
        field: Field,
        /// Core's reason (see `i18n::invalid_reason_key`).
        reason: Problem,
    },
    /// The device refused the write.
    Storage(String),
    /// The base refused the edit (an unknown client, a taken id…); nothing was written.
    Refused(String),
    /// The engine is gone (signed out).
    Closed,
}

impl From<Error> for AddError {
    fn from(e: Error) -> Self {
        match e {
            Error::Invalid { field, reason, .. } => AddError::Invalid { field, reason },
            other => AddError::Refused(other.to_string()),
        }
    }
}

/// What an edit function returns: the edit (the documents it touched, which the engine
/// writes and syncs) and possibly more for the screen.
pub trait Edited: Serialize + DeserializeOwned + 'static {
    /// The documents touched.
    fn edit(&self) -> &Edit;
}

impl Edited for Edit {
    fn edit(&self) -> &Edit {
        self
    }
}

impl<T: Serialize + DeserializeOwned + 'static> Edited for (Edit, T) {
    fn edit(&self) -> &Edit {
        &self.0
    }
}

/// Runs an edit function on the client base: decodes its parameters, calls it, and
/// encodes what it returned.
pub type RunEdit = fn(usize, &[u8], &mut ClientBase, &Author) -> Result<(Edit, Vec<u8>), AddError>;

/// Runs a query function on the client base: decodes its parameters, calls it, and
/// encodes its answer.
pub type RunQuery = fn(usize, &[u8], &ClientBase) -> Result<Vec<u8>, String>;

/// An edit on its way to the engine, answering `R`.
pub struct EditCall<R> {
    call: ErasedEdit,
    answer: PhantomData<fn() -> R>,
}

impl<R: Edited> EditCall<R> {
    /// `f(params, base, author)`, run by the engine as the signed-in rep.
    pub fn new<P>(f: fn(P, &mut ClientBase, &Author) -> Result<R, Error>, params: P) -> Self
    where
        P: Serialize + DeserializeOwned + 'static,
    {
        EditCall {
            call: ErasedEdit {
                run: run_edit::<P, R> as RunEdit as usize,
                f: f as usize,
                params: encode(&params),
            },
            answer: PhantomData,
        }
    }

    /// The call without its answer's type, as the engine takes it.
    pub fn erase(self) -> ErasedEdit {
        self.call
    }

    /// Decodes the engine's answer to this call.
    pub fn answer(bytes: &[u8]) -> Result<R, AddError> {
        decode(bytes).map_err(AddError::Refused)
    }
}

/// An edit whose answer's type is known only to the screen that made it.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct ErasedEdit {
    /// The trampoline, as a function address ([`RunEdit`]).
    run: usize,
    /// The edit function, as a function address.
    f: usize,
    /// Its parameters, bincode.
    params: Vec<u8>,
}

impl ErasedEdit {
    /// Runs the edit: the documents it touched and the screen's answer, encoded.
    pub fn run(&self, base: &mut ClientBase, author: &Author) -> Result<(Edit, Vec<u8>), AddError> {
        // SAFETY: `run` is the address of a `RunEdit` taken in `EditCall::new`, in this
        // module or in the same module instantiated by the page (see the module docs).
        let run = unsafe { std::mem::transmute::<usize, RunEdit>(self.run) };
        run(self.f, &self.params, base, author)
    }
}

/// A query whose answer's type is known only to the screen that made it.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct ErasedQuery {
    /// The trampoline, as a function address ([`RunQuery`]).
    run: usize,
    /// The query function, as a function address.
    f: usize,
    /// Its parameters, bincode.
    params: Vec<u8>,
}

impl ErasedQuery {
    /// `f(params, base)` for the engine to run where it lives.
    pub fn new<P, T>(f: fn(&P, &ClientBase) -> T, params: &P) -> Self
    where
        P: Serialize + DeserializeOwned + 'static,
        T: Serialize + DeserializeOwned + 'static,
    {
        ErasedQuery {
            run: run_query::<P, T> as RunQuery as usize,
            f: f as usize,
            params: encode(params),
        }
    }

    /// Runs the query: its answer, encoded.
    pub fn run(&self, base: &ClientBase) -> Result<Vec<u8>, String> {
        // SAFETY: as in `ErasedEdit::run`.
        let run = unsafe { std::mem::transmute::<usize, RunQuery>(self.run) };
        run(self.f, &self.params, base)
    }
}

fn run_edit<P: DeserializeOwned, R: Edited>(
    f: usize,
    params: &[u8],
    base: &mut ClientBase,
    author: &Author,
) -> Result<(Edit, Vec<u8>), AddError> {
    // SAFETY: `f` was taken from a function of exactly this type in `EditCall::new`,
    // which instantiated this trampoline with the same `P` and `R`.
    let f = unsafe {
        std::mem::transmute::<usize, fn(P, &mut ClientBase, &Author) -> Result<R, Error>>(f)
    };
    let params: P = decode(params).map_err(AddError::Refused)?;
    let answer = f(params, base, author).map_err(AddError::from)?;
    Ok((answer.edit().clone(), encode(&answer)))
}

fn run_query<P: DeserializeOwned, T: Serialize>(
    f: usize,
    params: &[u8],
    base: &ClientBase,
) -> Result<Vec<u8>, String> {
    // SAFETY: as in `run_edit`, from `ErasedQuery::new`.
    let f = unsafe { std::mem::transmute::<usize, fn(&P, &ClientBase) -> T>(f) };
    let params: P = decode(params)?;
    Ok(encode(&f(&params, base)))
}

/// Bincode of `value` (what crosses to the worker).
pub fn encode<T: Serialize + ?Sized>(value: &T) -> Vec<u8> {
    bincode::serialize(value).expect("an in-memory value serialises")
}

/// `T` from [`encode`]'s bytes.
pub fn decode<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, String> {
    bincode::deserialize(bytes).map_err(|e| format!("a malformed engine message: {e}"))
}

/// Serde for Automerge's [`ScalarValue`](fieldbase_core::automerge::ScalarValue) (which
/// only serialises, untagged): `#[serde(with = "crate::calls::scalar")]`.
pub mod scalar {
    use fieldbase_core::automerge::ScalarValue;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    /// The same variants, tagged.
    #[derive(Serialize, Deserialize)]
    enum Scalar {
        Bytes(Vec<u8>),
        Str(String),
        Int(i64),
        Uint(u64),
        F64(f64),
        Counter(i64),
        Timestamp(i64),
        Boolean(bool),
        Unknown { type_code: u8, bytes: Vec<u8> },
        Null,
    }

    /// Serialises `v`.
    pub fn serialize<S: Serializer>(v: &ScalarValue, s: S) -> Result<S::Ok, S::Error> {
        match v {
            ScalarValue::Bytes(b) => Scalar::Bytes(b.clone()),
            ScalarValue::Str(t) => Scalar::Str(t.to_string()),
            ScalarValue::Int(i) => Scalar::Int(*i),
            ScalarValue::Uint(u) => Scalar::Uint(*u),
            ScalarValue::F64(f) => Scalar::F64(*f),
            ScalarValue::Counter(c) => Scalar::Counter(i64::from(c)),
            ScalarValue::Timestamp(t) => Scalar::Timestamp(*t),
            ScalarValue::Boolean(b) => Scalar::Boolean(*b),
            ScalarValue::Unknown { type_code, bytes } => Scalar::Unknown {
                type_code: *type_code,
                bytes: bytes.clone(),
            },
            ScalarValue::Null => Scalar::Null,
        }
        .serialize(s)
    }

    /// Deserialises what [`serialize`] wrote.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<ScalarValue, D::Error> {
        Ok(match Scalar::deserialize(d)? {
            Scalar::Bytes(b) => ScalarValue::Bytes(b),
            Scalar::Str(t) => ScalarValue::Str(t.into()),
            Scalar::Int(i) => ScalarValue::Int(i),
            Scalar::Uint(u) => ScalarValue::Uint(u),
            Scalar::F64(f) => ScalarValue::F64(f),
            Scalar::Counter(c) => ScalarValue::counter(c),
            Scalar::Timestamp(t) => ScalarValue::Timestamp(t),
            Scalar::Boolean(b) => ScalarValue::Boolean(b),
            Scalar::Unknown { type_code, bytes } => ScalarValue::Unknown { type_code, bytes },
            Scalar::Null => ScalarValue::Null,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use fieldbase_core::{ClientDraft, DocumentId, automerge::ActorId};

    fn base() -> ClientBase {
        ClientBase::new(DocumentId::from_bytes([1; 16]), ActorId::from([2u8; 16]))
    }

    fn author() -> Author {
        Author {
            who: "emma/web".into(),
            at: 1_700_000_000_000,
        }
    }

    #[test]
    fn an_edit_and_a_query_run_from_their_erased_form() {
        let mut base = base();
        let call = EditCall::new(
            |(id, name): (DocumentId, String), base: &mut ClientBase, author: &Author| {
                let draft = ClientDraft {
                    name,
                    ..ClientDraft::default()
                };
                base.add_client(id, &draft, author)
            },
            (DocumentId::from_bytes([3; 16]), "Acme".to_owned()),
        );
        let erased = encode(&call.erase());
        let erased: ErasedEdit = decode(&erased).expect("decodes");
        let (edit, answer) = erased.run(&mut base, &author()).expect("runs");
        assert_eq!(EditCall::<Edit>::answer(&answer).expect("decodes"), edit);
        assert_eq!(edit.client, DocumentId::from_bytes([3; 16]));

        let query = ErasedQuery::new(
            |prefix: &String, base: &ClientBase| {
                base.clients()
                    .into_iter()
                    .filter(|c| c.name.starts_with(prefix.as_str()))
                    .map(|c| c.name)
                    .collect::<Vec<String>>()
            },
            &"Ac".to_owned(),
        );
        let answer: Vec<String> = decode(&query.run(&base).expect("runs")).expect("decodes");
        assert_eq!(answer, ["Acme"]);
    }

    #[test]
    fn a_refused_edit_says_why_and_writes_nothing() {
        let mut base = base();
        let call = EditCall::new(
            |name: String, base: &mut ClientBase, author: &Author| {
                let draft = ClientDraft {
                    name,
                    ..ClientDraft::default()
                };
                base.add_client(DocumentId::from_bytes([3; 16]), &draft, author)
            },
            "   ".to_owned(),
        );
        let err = call.erase().run(&mut base, &author()).expect_err("refused");
        assert!(matches!(err, AddError::Invalid { .. }), "{err:?}");
        assert!(base.clients().is_empty());
    }

    #[test]
    fn malformed_parameters_are_refused() {
        let mut base = base();
        let mut call = EditCall::new(
            |n: u64, _: &mut ClientBase, _: &Author| -> Result<Edit, Error> {
                panic!("never called with {n}")
            },
            7,
        )
        .erase();
        call.params.truncate(3);
        let err = call.run(&mut base, &author()).expect_err("refused");
        assert!(
            matches!(&err, AddError::Refused(why) if why.contains("malformed")),
            "{err:?}"
        );
    }
}
