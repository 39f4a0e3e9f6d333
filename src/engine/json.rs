//! Reading the app's JSON (stored cases, profiles, preferences) into typed values with little code.
//!
//! `serde_json::from_str::<T>` builds, for every type of the model, a reader that matches field names as the text
//! streams by; with the case model that was the largest part of the bundle. Here the text is parsed once into a
//! generic `serde_json::Value` (one parser for every type), and each struct is handed to its type as the sequence
//! of its fields in declared order (`visit_seq`), so the per-type code is the small positional one. The stored
//! text does not change: it stays ordinary, self-describing JSON written by `serde_json`, fields added later with
//! `#[serde(default)]` still read from older records, and an `Option` field that is absent reads as `None`, as
//! with serde_json.
//!
//! Errors carry no detail (the callers count or name the bad input; they never show serde's text to a user).

use serde::de::{
    self, DeserializeOwned, DeserializeSeed, EnumAccess, IntoDeserializer, MapAccess, SeqAccess,
    VariantAccess, Visitor,
};
use serde::forward_to_deserialize_any;
use serde_json::{Map, Value};
use std::fmt;

/// The JSON did not parse, or did not have the shape of the type asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct JsonError;

impl fmt::Display for JsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("ogiltig JSON för typen")
    }
}

impl std::error::Error for JsonError {}

impl de::Error for JsonError {
    fn custom<T: fmt::Display>(_msg: T) -> Self {
        JsonError
    }
}

/// Reads `T` from JSON text; keys a struct does not know are ignored (records written by a newer version).
pub fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, JsonError> {
    read(text, false)
}

/// Reads `T` from JSON text and refuses keys a struct does not know (the embedded profile files).
pub fn from_str_strict<T: DeserializeOwned>(text: &str) -> Result<T, JsonError> {
    read(text, true)
}

fn read<T: DeserializeOwned>(text: &str, strict: bool) -> Result<T, JsonError> {
    let v: Value = serde_json::from_str(text).map_err(|_| JsonError)?;
    T::deserialize(De { v, strict })
}

struct De {
    v: Value,
    strict: bool,
}

/// A struct's fields in declared order; `None` where the object has no such key.
#[inline(never)]
fn fields_in_order(
    mut m: Map<String, Value>,
    fields: &[&str],
    strict: bool,
) -> Result<Vec<Option<Value>>, JsonError> {
    let out: Vec<Option<Value>> = fields.iter().map(|f| m.remove(*f)).collect();
    if strict && !m.is_empty() {
        return Err(JsonError);
    }
    Ok(out)
}

/// An externally tagged enum value: `"Variant"` or `{"Variant": content}`, as the index of its variant.
#[inline(never)]
fn variant_of(v: Value, variants: &[&str]) -> Result<(u64, Option<Value>), JsonError> {
    let (name, content) = match v {
        Value::String(s) => (s, None),
        Value::Object(m) if m.len() == 1 => m
            .into_iter()
            .next()
            .map(|(k, c)| (k, Some(c)))
            .ok_or(JsonError)?,
        _ => return Err(JsonError),
    };
    let idx = variants.iter().position(|n| *n == name).ok_or(JsonError)?;
    Ok((idx as u64, content))
}

impl<'de> de::Deserializer<'de> for De {
    type Error = JsonError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, JsonError> {
        let strict = self.strict;
        match self.v {
            Value::Null => visitor.visit_unit(),
            Value::Bool(b) => visitor.visit_bool(b),
            Value::Number(n) => {
                if let Some(u) = n.as_u64() {
                    visitor.visit_u64(u)
                } else if let Some(i) = n.as_i64() {
                    visitor.visit_i64(i)
                } else {
                    visitor.visit_f64(n.as_f64().ok_or(JsonError)?)
                }
            }
            Value::String(s) => visitor.visit_string(s),
            Value::Array(a) => visitor.visit_seq(Seq {
                it: a.into_iter(),
                strict,
            }),
            Value::Object(m) => visitor.visit_map(Entries {
                it: m.into_iter(),
                next: None,
                strict,
            }),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, JsonError> {
        match self.v {
            Value::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, JsonError> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, JsonError> {
        let strict = self.strict;
        match self.v {
            Value::Object(m) => visitor.visit_seq(Fields {
                it: fields_in_order(m, fields, strict)?.into_iter(),
                strict,
            }),
            Value::Array(a) => visitor.visit_seq(Seq {
                it: a.into_iter(),
                strict,
            }),
            _ => Err(JsonError),
        }
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, JsonError> {
        let (idx, content) = variant_of(self.v, variants)?;
        visitor.visit_enum(Variant {
            idx,
            content,
            strict: self.strict,
        })
    }

    forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf unit unit_struct seq tuple tuple_struct map identifier ignored_any
    }
}

/// A field the object does not have: `None` for an `Option`, `()` for a unit, an error for anything else (which
/// [`Fields`] turns into "absent", so the type's `#[serde(default)]` applies, or its own error when it has none).
struct Missing;

impl<'de> de::Deserializer<'de> for Missing {
    type Error = JsonError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, JsonError> {
        visitor.visit_unit()
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, JsonError> {
        visitor.visit_none()
    }

    forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf unit unit_struct newtype_struct seq tuple tuple_struct map struct enum
        identifier ignored_any
    }
}

struct Fields {
    it: std::vec::IntoIter<Option<Value>>,
    strict: bool,
}

impl<'de> SeqAccess<'de> for Fields {
    type Error = JsonError;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, JsonError> {
        match self.it.next() {
            None => Ok(None),
            Some(Some(v)) => seed
                .deserialize(De {
                    v,
                    strict: self.strict,
                })
                .map(Some),
            Some(None) => Ok(seed.deserialize(Missing).ok()),
        }
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.it.len())
    }
}

struct Seq {
    it: std::vec::IntoIter<Value>,
    strict: bool,
}

impl<'de> SeqAccess<'de> for Seq {
    type Error = JsonError;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, JsonError> {
        match self.it.next() {
            None => Ok(None),
            Some(v) => seed
                .deserialize(De {
                    v,
                    strict: self.strict,
                })
                .map(Some),
        }
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.it.len())
    }
}

/// An object read as a map (maps of the model, and enums tagged inside their content).
struct Entries {
    it: serde_json::map::IntoIter,
    next: Option<Value>,
    strict: bool,
}

impl<'de> MapAccess<'de> for Entries {
    type Error = JsonError;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, JsonError> {
        match self.it.next() {
            None => Ok(None),
            Some((k, v)) => {
                self.next = Some(v);
                seed.deserialize(Key(k)).map(Some)
            }
        }
    }

    fn next_value_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<T::Value, JsonError> {
        let v = self.next.take().ok_or(JsonError)?;
        seed.deserialize(De {
            v,
            strict: self.strict,
        })
    }
}

/// A map key: JSON keys are text; a numeric key type reads the number in it, an enum key its unit variant.
struct Key(String);

impl<'de> de::Deserializer<'de> for Key {
    type Error = JsonError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, JsonError> {
        visitor.visit_string(self.0)
    }

    fn deserialize_u64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, JsonError> {
        visitor.visit_u64(self.0.parse().map_err(|_| JsonError)?)
    }

    fn deserialize_u32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, JsonError> {
        self.deserialize_u64(visitor)
    }

    fn deserialize_i64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, JsonError> {
        visitor.visit_i64(self.0.parse().map_err(|_| JsonError)?)
    }

    fn deserialize_i32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, JsonError> {
        self.deserialize_i64(visitor)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, JsonError> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, JsonError> {
        De {
            v: Value::String(self.0),
            strict: false,
        }
        .deserialize_enum(name, variants, visitor)
    }

    forward_to_deserialize_any! {
        bool i8 i16 i128 u8 u16 u128 f32 f64 char str string
        bytes byte_buf option unit unit_struct seq tuple tuple_struct map struct identifier ignored_any
    }
}

/// An enum value whose variant is known by index; the derived code reads the index, never the name.
struct Variant {
    idx: u64,
    content: Option<Value>,
    strict: bool,
}

impl<'de> EnumAccess<'de> for Variant {
    type Error = JsonError;
    type Variant = Content;

    fn variant_seed<S: DeserializeSeed<'de>>(
        self,
        seed: S,
    ) -> Result<(S::Value, Content), JsonError> {
        let tag = seed.deserialize(IntoDeserializer::<JsonError>::into_deserializer(self.idx))?;
        Ok((
            tag,
            Content(De {
                v: self.content.unwrap_or(Value::Null),
                strict: self.strict,
            }),
        ))
    }
}

struct Content(De);

impl<'de> VariantAccess<'de> for Content {
    type Error = JsonError;

    fn unit_variant(self) -> Result<(), JsonError> {
        Ok(())
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, JsonError> {
        seed.deserialize(self.0)
    }

    fn tuple_variant<V: Visitor<'de>>(
        self,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, JsonError> {
        de::Deserializer::deserialize_any(self.0, visitor)
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, JsonError> {
        de::Deserializer::deserialize_struct(self.0, "", fields, visitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::{Deserialize, Serialize};
    use std::collections::BTreeMap;

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    enum Kind {
        Unit,
        New(u32),
        Pair(String, i64),
        Named { a: bool, b: Option<String> },
    }

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    #[serde(tag = "type", content = "value", rename_all = "snake_case")]
    enum Adjacent {
        Plain,
        Text(String),
    }

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    #[serde(tag = "answer", rename_all = "snake_case")]
    enum Internal {
        Yes { at: String },
        No,
    }

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Inner(String);

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Record {
        name: String,
        kinds: Vec<Kind>,
        maybe: Option<u8>,
        adjacent: Vec<Adjacent>,
        internal: Vec<Internal>,
        inner: Inner,
        map: BTreeMap<u32, String>,
        by_name: BTreeMap<String, f64>,
        #[serde(default)]
        later: Vec<u16>,
        #[serde(default = "seven")]
        seven: i32,
    }

    fn seven() -> i32 {
        7
    }

    fn sample() -> Record {
        Record {
            name: "Lisa \"L\" Ås".into(),
            kinds: vec![
                Kind::Unit,
                Kind::New(3),
                Kind::Pair("x".into(), -4),
                Kind::Named { a: true, b: None },
                Kind::Named {
                    a: false,
                    b: Some("b".into()),
                },
            ],
            maybe: Some(2),
            adjacent: vec![Adjacent::Plain, Adjacent::Text("t".into())],
            internal: vec![Internal::Yes { at: "nu".into() }, Internal::No],
            inner: Inner("i".into()),
            map: [(1, "ett".to_string()), (20, "tjugo".to_string())].into(),
            by_name: [("a".to_string(), 1.5)].into(),
            later: vec![1, 2],
            seven: 8,
        }
    }

    #[test]
    fn reads_what_serde_json_writes_as_serde_json_reads_it() {
        let r = sample();
        let text = serde_json::to_string(&r).unwrap();
        assert_eq!(from_str::<Record>(&text).unwrap(), r);
        assert_eq!(serde_json::from_str::<Record>(&text).unwrap(), r);
    }

    #[test]
    fn absent_fields_take_their_defaults_and_unknown_keys_are_ignored_unless_strict() {
        let mut v = serde_json::to_value(sample()).unwrap();
        let m = v.as_object_mut().unwrap();
        m.remove("later");
        m.remove("seven");
        m.remove("maybe");
        m.insert("from_a_newer_version".into(), Value::Bool(true));
        let text = v.to_string();
        let r: Record = from_str(&text).unwrap();
        assert_eq!((r.later, r.seven, r.maybe), (vec![], 7, None));
        assert_eq!(from_str_strict::<Record>(&text), Err(JsonError));
        // Exactly what serde_json does with the same text.
        let s: Record = serde_json::from_str(&text).unwrap();
        assert_eq!((s.later, s.seven, s.maybe), (vec![], 7, None));
    }

    #[test]
    fn a_required_field_missing_or_of_the_wrong_type_is_an_error() {
        let mut v = serde_json::to_value(sample()).unwrap();
        v.as_object_mut().unwrap().remove("name");
        assert_eq!(from_str::<Record>(&v.to_string()), Err(JsonError));
        let mut v = serde_json::to_value(sample()).unwrap();
        v["kinds"][1] = serde_json::json!({"new": "tre"});
        assert_eq!(from_str::<Record>(&v.to_string()), Err(JsonError));
        v["kinds"][1] = serde_json::json!("okand");
        assert_eq!(from_str::<Record>(&v.to_string()), Err(JsonError));
        assert_eq!(from_str::<Record>("{not json"), Err(JsonError));
    }
}
