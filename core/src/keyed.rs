//! `keyed_enum!`: an enum whose variants are stored as stable lower-case keys.

/// Declares a fieldless enum with `ALL`, `key()`, `from_key()`, `Display` (the key),
/// `Default` (the first value) and [`crate::record::Scalar`] (stored as the key).
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

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.key())
            }
        }
    };
}
