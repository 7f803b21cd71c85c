//! `keyed_enum!`: an enum whose variants are stored as stable lower-case keys.

/// Declares a fieldless enum with `ALL`, `key()`, `from_key()`, `Display` (the key),
/// `Default` (the first value), [`crate::record::Scalar`] (stored as the key) and serde
/// (as the key).
macro_rules! keyed_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident => $key:literal, )+
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name {
            $( $(#[$vmeta])* $variant, )+
        }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The stored (and translation-key) name.
            pub fn key(self) -> &'static str {
                match self {
                    $( $name::$variant => $key, )+
                }
            }

            /// The value stored as `key`, if any.
            pub fn from_key(key: &str) -> Option<$name> {
                $name::ALL.iter().copied().find(|v| v.key() == key)
            }
        }

        /// The first value is the default (what a missing or unreadable field reads as).
        impl Default for $name {
            fn default() -> Self {
                $name::ALL[0]
            }
        }

        impl $crate::record::Scalar for $name {
            fn to_stored(&self) -> automerge::ScalarValue {
                automerge::ScalarValue::Str(self.key().into())
            }
            fn from_value(value: &automerge::Value<'_>) -> Option<Self> {
                $name::from_key(value.as_str()?)
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.key())
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let key = <std::borrow::Cow<'de, str>>::deserialize(d)?;
                $name::from_key(&key).ok_or_else(|| {
                    serde::de::Error::custom(format!("unknown {}: {key}", stringify!($name)))
                })
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.key())
            }
        }
    };
}
