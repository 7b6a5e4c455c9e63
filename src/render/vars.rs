//! A template's context, with a digest of everything put into it (#17).
//!
//! The memos that skip a template ([`super::Memo`] in `serve`, the
//! rendered-page keys a rebuild keeps beside the spare) compare what a page
//! was made from. Tera's own values cannot be digested: every map in them
//! is a hash map seeded at random for each map (ahash), so the same
//! context lists its keys in another order each time it is built. `Vars`
//! writes each value for its digest itself instead ([`super::digest`]):
//! our views are structs, whose fields serialise in declaration order, so
//! the same values always give the same bytes, in any process.
//!
//! `Vars` keeps the values themselves and makes either form only when it
//! is asked for: a rebuild keeps almost every page by its digest and never
//! needs its Tera context, and a first build, which keeps nothing, never
//! needs a digest. Making both for every page was a tenth of a rebuild.

use std::borrow::Cow;

use serde::Serialize;
use tera::{Context, Value};

/// A value put into the context, kept as it is until a form of it is
/// needed. A trait object, so that one `Vars` holds views of every type.
trait Entry {
    fn write_digest(&self, out: &mut Vec<u8>) -> Result<(), super::digest::Error>;
    fn to_value(&self) -> tera::TeraResult<Value>;
}

impl<T: Serialize> Entry for T {
    fn write_digest(&self, out: &mut Vec<u8>) -> Result<(), super::digest::Error> {
        super::digest::write(self, out)
    }

    fn to_value(&self) -> tera::TeraResult<Value> {
        // Tera's infallible `Context::insert` panics on a value it cannot
        // convert (a map with tuple keys); this one says why instead.
        Value::try_from_serializable(self)
    }
}

/// The values of a Tera context, by key, in the order they were inserted.
#[derive(Default)]
pub(crate) struct Vars<'a> {
    entries: Vec<(Cow<'static, str>, Box<dyn Entry + 'a>)>,
}

impl<'a> Vars<'a> {
    pub(crate) fn new() -> Self {
        Vars {
            entries: Vec::new(),
        }
    }

    /// Puts `value` in the context under `key`; a later insert of the
    /// same key replaces it in the context, and both count in the digest.
    pub(crate) fn insert<K: Into<Cow<'static, str>>, T: Serialize + 'a>(
        &mut self,
        key: K,
        value: T,
    ) {
        self.entries.push((key.into(), Box::new(value)));
    }

    /// The Tera context, or why a value cannot be given to a template.
    pub(crate) fn context(&self) -> Result<Context, String> {
        let mut context = Context::new();
        for (key, value) in &self.entries {
            let value = value
                .to_value()
                .map_err(|e| format!("`{key}` cannot be given to a template: {e}"))?;
            context.insert_value(key.clone(), value);
        }
        Ok(context)
    }

    /// A digest of every insert, in order: each key, with its length, and
    /// its value's digest form, which ends where it ends, so that no two
    /// different sequences of inserts write the same bytes. `None` if a
    /// value's own `Serialize` fails: a digest is never taken of half a
    /// value.
    pub(crate) fn digest(&self) -> Option<crate::hash::Digest> {
        let mut bytes = Vec::with_capacity(16 * 1024);
        for (key, value) in &self.entries {
            bytes.extend_from_slice(&(key.len() as u64).to_le_bytes());
            bytes.extend_from_slice(key.as_bytes());
            value.write_digest(&mut bytes).ok()?;
        }
        Some(crate::hash::digest(&bytes))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Serialize)]
    struct View {
        a: u32,
        b: &'static str,
        c: Vec<u32>,
        d: bool,
        e: Option<u8>,
    }

    fn vars(b: &'static str) -> Vars<'static> {
        let mut v = Vars::new();
        v.insert(
            "page",
            View {
                a: 1,
                b,
                c: vec![1, 2],
                d: true,
                e: None,
            },
        );
        v.insert("title", "Hello");
        v
    }

    #[test]
    fn the_same_values_give_the_same_digest_every_time() {
        // Tera's maps are seeded at random for each map: a digest of its
        // values (their `Debug` form) differed on every build.
        let first = vars("x").digest();
        assert!(first.is_some());
        for _ in 0..20 {
            assert_eq!(vars("x").digest(), first);
        }
        assert_ne!(vars("y").digest(), first);
        // The context itself is what Tera sees.
        let context = vars("x").context().unwrap();
        assert_eq!(context.get("title").and_then(|t| t.as_str()), Some("Hello"));
        assert_eq!(
            context
                .get("page")
                .and_then(|p| p.get_from_path("b"))
                .and_then(|b| b.as_str()),
            Some("x")
        );
    }

    #[test]
    fn a_value_that_cannot_be_converted_is_named_not_a_panic() {
        // Tera's own `Context::insert` panics on this map.
        let tuple_keys: std::collections::BTreeMap<(u8, u8), u8> = [((1, 2), 3)].into();
        let mut v = Vars::new();
        v.insert("title", "Hello");
        v.insert("grid", &tuple_keys);
        let why = v.context().err();
        assert!(
            why.as_ref().is_some_and(|m| m.contains("`grid`")),
            "{why:?}"
        );
    }

    /// A value whose own `Serialize` fails.
    struct Refuses;

    impl Serialize for Refuses {
        fn serialize<S: serde::Serializer>(&self, _: S) -> Result<S::Ok, S::Error> {
            Err(serde::ser::Error::custom("no"))
        }
    }

    #[test]
    fn a_value_that_fails_to_serialise_has_no_digest_and_is_named() {
        let mut v = Vars::new();
        v.insert("title", "Hello");
        v.insert("broken", Refuses);
        assert!(v.digest().is_none());
        let why = v.context().err();
        assert!(
            why.as_ref().is_some_and(|m| m.contains("`broken`")),
            "{why:?}"
        );
    }

    #[test]
    fn a_later_insert_replaces_the_value_and_counts_in_the_digest() {
        let mut once = Vars::new();
        once.insert("title", "Two");
        let mut twice = Vars::new();
        twice.insert("title", "One");
        twice.insert("title", "Two");
        let context = twice.context().unwrap();
        assert_eq!(context.get("title").and_then(|t| t.as_str()), Some("Two"));
        assert_ne!(once.digest(), twice.digest());
    }

    #[test]
    fn keys_and_values_cannot_run_into_each_other() {
        let mut one = Vars::new();
        one.insert("ab", "c");
        let mut two = Vars::new();
        two.insert("a", "bc");
        assert_ne!(one.digest(), two.digest());
        let mut order = Vars::new();
        order.insert("title", "Hello");
        order.insert("page", "x");
        let mut other = Vars::new();
        other.insert("page", "x");
        other.insert("title", "Hello");
        assert_ne!(order.digest(), other.digest());
    }
}
