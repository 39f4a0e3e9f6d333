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
//! The text is parsed by a small parser of its own (objects as lists of pairs: a struct has a handful of keys),
//! not serde_json's, whose generic value costs a parser and a `BTreeMap` of its own; serde_json still writes.
//! Numbers: integers exactly; a fraction or exponent is read approximately (the model has none).
//!
//! Errors carry no detail (the callers count or name the bad input; they never show serde's text to a user).

use serde::de::{
    self, DeserializeOwned, DeserializeSeed, EnumAccess, IntoDeserializer, MapAccess, SeqAccess,
    VariantAccess, Visitor,
};
use serde::forward_to_deserialize_any;
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
    let v = parse(text)?;
    T::deserialize(De { v, strict })
}

/// A parsed JSON value; an object keeps its pairs in the order of the text.
#[derive(Debug, Clone, PartialEq)]
enum Value {
    Null,
    Bool(bool),
    U64(u64),
    I64(i64),
    F64(f64),
    String(String),
    Array(Vec<Value>),
    Object(Vec<(String, Value)>),
}

/// Parses one JSON text (RFC 8259) with nothing but white space around it.
fn parse(text: &str) -> Result<Value, JsonError> {
    let mut p = Parser {
        b: text.as_bytes(),
        i: 0,
        depth: 0,
    };
    let v = p.value()?;
    p.ws();
    if p.i == p.b.len() {
        Ok(v)
    } else {
        Err(JsonError)
    }
}

struct Parser<'a> {
    b: &'a [u8],
    i: usize,
    depth: u32,
}

impl Parser<'_> {
    fn ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.b.get(self.i) {
            self.i += 1;
        }
    }

    fn peek(&self) -> Option<u8> {
        self.b.get(self.i).copied()
    }

    fn eat(&mut self, c: u8) -> bool {
        let hit = self.peek() == Some(c);
        if hit {
            self.i += 1;
        }
        hit
    }

    fn word(&mut self, w: &[u8], v: Value) -> Result<Value, JsonError> {
        if self.b[self.i..].starts_with(w) {
            self.i += w.len();
            Ok(v)
        } else {
            Err(JsonError)
        }
    }

    fn value(&mut self) -> Result<Value, JsonError> {
        self.ws();
        match self.peek().ok_or(JsonError)? {
            b'n' => self.word(b"null", Value::Null),
            b't' => self.word(b"true", Value::Bool(true)),
            b'f' => self.word(b"false", Value::Bool(false)),
            b'"' => self.string().map(Value::String),
            b'[' | b'{' => {
                // Deep nesting is not data of this app: refused before it exhausts the stack.
                self.depth += 1;
                if self.depth > 128 {
                    return Err(JsonError);
                }
                let v = if self.peek() == Some(b'[') {
                    self.array()
                } else {
                    self.object()
                };
                self.depth -= 1;
                v
            }
            b'-' | b'0'..=b'9' => self.number(),
            _ => Err(JsonError),
        }
    }

    fn array(&mut self) -> Result<Value, JsonError> {
        self.i += 1;
        let mut items = Vec::new();
        self.ws();
        if self.eat(b']') {
            return Ok(Value::Array(items));
        }
        loop {
            items.push(self.value()?);
            self.ws();
            if self.eat(b']') {
                return Ok(Value::Array(items));
            }
            if !self.eat(b',') {
                return Err(JsonError);
            }
        }
    }

    fn object(&mut self) -> Result<Value, JsonError> {
        self.i += 1;
        let mut pairs = Vec::new();
        self.ws();
        if self.eat(b'}') {
            return Ok(Value::Object(pairs));
        }
        loop {
            self.ws();
            if self.peek() != Some(b'"') {
                return Err(JsonError);
            }
            let k = self.string()?;
            self.ws();
            if !self.eat(b':') {
                return Err(JsonError);
            }
            let v = self.value()?;
            pairs.push((k, v));
            self.ws();
            if self.eat(b'}') {
                return Ok(Value::Object(pairs));
            }
            if !self.eat(b',') {
                return Err(JsonError);
            }
        }
    }

    fn hex4(&mut self) -> Result<u32, JsonError> {
        let h = self.b.get(self.i..self.i + 4).ok_or(JsonError)?;
        self.i += 4;
        h.iter().try_fold(0u32, |n, c| {
            let d = (*c as char).to_digit(16).ok_or(JsonError)?;
            Ok(n * 16 + d)
        })
    }

    fn string(&mut self) -> Result<String, JsonError> {
        self.i += 1;
        let mut out: Vec<u8> = Vec::new();
        loop {
            let start = self.i;
            while let Some(c) = self.peek() {
                if c == b'"' || c == b'\\' || c < 0x20 {
                    break;
                }
                self.i += 1;
            }
            out.extend_from_slice(&self.b[start..self.i]);
            match self.peek().ok_or(JsonError)? {
                b'"' => {
                    self.i += 1;
                    // The input is a str and only whole characters are copied or added.
                    return String::from_utf8(out).map_err(|_| JsonError);
                }
                b'\\' => {
                    self.i += 1;
                    let e = self.peek().ok_or(JsonError)?;
                    self.i += 1;
                    let ch = match e {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => {
                            let hi = self.hex4()?;
                            let code = if (0xD800..0xDC00).contains(&hi) {
                                if !(self.eat(b'\\') && self.eat(b'u')) {
                                    return Err(JsonError);
                                }
                                let lo = self.hex4()?;
                                if !(0xDC00..0xE000).contains(&lo) {
                                    return Err(JsonError);
                                }
                                0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00)
                            } else {
                                hi
                            };
                            char::from_u32(code).ok_or(JsonError)?
                        }
                        _ => return Err(JsonError),
                    };
                    let mut buf = [0u8; 4];
                    out.extend_from_slice(ch.encode_utf8(&mut buf).as_bytes());
                }
                _ => return Err(JsonError),
            }
        }
    }

    fn digits(&mut self) -> Result<&[u8], JsonError> {
        let start = self.i;
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.i += 1;
        }
        if self.i == start {
            Err(JsonError)
        } else {
            Ok(&self.b[start..self.i])
        }
    }

    fn number(&mut self) -> Result<Value, JsonError> {
        let negative = self.eat(b'-');
        let int = self.digits()?;
        if int.len() > 1 && int[0] == b'0' {
            return Err(JsonError);
        }
        let int: Vec<u8> = int.to_vec();
        let frac: Vec<u8> = if self.eat(b'.') {
            self.digits()?.to_vec()
        } else {
            Vec::new()
        };
        let mut exp: i32 = 0;
        let has_exp = matches!(self.peek(), Some(b'e' | b'E'));
        if has_exp {
            self.i += 1;
            let neg = self.eat(b'-');
            if !neg {
                self.eat(b'+');
            }
            let e = self.digits()?;
            exp = e
                .iter()
                .try_fold(0i32, |n, d| {
                    n.checked_mul(10)?.checked_add((d - b'0') as i32)
                })
                .ok_or(JsonError)?;
            if neg {
                exp = -exp;
            }
        }
        let whole = |ds: &[u8]| {
            ds.iter().try_fold(0u64, |n, d| {
                n.checked_mul(10)?.checked_add((d - b'0') as u64)
            })
        };
        if frac.is_empty() && !has_exp {
            if let Some(u) = whole(&int) {
                return Ok(if !negative {
                    Value::U64(u)
                } else if u <= i64::MAX as u64 + 1 {
                    Value::I64((u as i64).wrapping_neg())
                } else {
                    Value::F64(-(u as f64))
                });
            }
        }
        // Approximate: the model has no fractions (whole milliseconds, dates as text).
        let mut m = 0f64;
        for d in int.iter().chain(frac.iter()) {
            m = m * 10.0 + (d - b'0') as f64;
        }
        let e = exp - frac.len() as i32;
        let v = m * 10f64.powi(e);
        Ok(Value::F64(if negative { -v } else { v }))
    }
}

struct De {
    v: Value,
    strict: bool,
}

/// A struct's fields in declared order; `None` where the object has no such key.
#[inline(never)]
fn fields_in_order(
    pairs: Vec<(String, Value)>,
    fields: &[&str],
    strict: bool,
) -> Result<Vec<Option<Value>>, JsonError> {
    let mut out: Vec<Option<Value>> = fields.iter().map(|_| None).collect();
    for (k, v) in pairs {
        match fields.iter().position(|f| *f == k) {
            // A repeated key: the last one counts, as in serde_json's value.
            Some(at) => out[at] = Some(v),
            None if strict => return Err(JsonError),
            None => {}
        }
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
            Value::U64(u) => visitor.visit_u64(u),
            Value::I64(i) => visitor.visit_i64(i),
            Value::F64(f) => visitor.visit_f64(f),
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
    it: std::vec::IntoIter<(String, Value)>,
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
        by_name: BTreeMap<String, i64>,
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
            by_name: [("a".to_string(), -15)].into(),
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
        m.insert("from_a_newer_version".into(), serde_json::Value::Bool(true));
        let text = v.to_string();
        let r: Record = from_str(&text).unwrap();
        assert_eq!((r.later, r.seven, r.maybe), (vec![], 7, None));
        assert_eq!(from_str_strict::<Record>(&text), Err(JsonError));
        // Exactly what serde_json does with the same text.
        let s: Record = serde_json::from_str(&text).unwrap();
        assert_eq!((s.later, s.seven, s.maybe), (vec![], 7, None));
    }

    #[test]
    fn the_parser_reads_what_json_allows_and_refuses_the_rest() {
        let texts = [
            "Lisa \"L\" Ås \\ / \u{1}\n\t",
            "emoji 😀 and \u{2028}",
            "",
            "070-111 22 33",
        ];
        for t in texts {
            let json = serde_json::to_string(t).unwrap();
            assert_eq!(parse(&json), Ok(Value::String(t.to_string())), "{json}");
        }
        assert_eq!(
            parse(r#""\ud83d\ude00 \u00e5\/""#),
            Ok(Value::String("😀 å/".into()))
        );
        assert_eq!(
            parse(
                r#" {"a": [1, -2, 18446744073709551615, -9223372036854775808, true, null, 2.5e1, -0.5]} "#
            ),
            Ok(Value::Object(vec![(
                "a".into(),
                Value::Array(vec![
                    Value::U64(1),
                    Value::I64(-2),
                    Value::U64(u64::MAX),
                    Value::I64(i64::MIN),
                    Value::Bool(true),
                    Value::Null,
                    Value::F64(25.0),
                    Value::F64(-0.5),
                ])
            )]))
        );
        for bad in [
            "",
            "{",
            "[1,]",
            "{\"a\" 1}",
            "{\"a\":1,}",
            "01",
            "1.",
            "-",
            "tru",
            "\"a",
            "\"\\x\"",
            "\"\\ud800\"",
            "\"\u{1}\"",
            "[1] 2",
            "nul",
            "{1:2}",
        ] {
            assert_eq!(parse(bad), Err(JsonError), "{bad:?}");
        }
        let deep = "[".repeat(200) + &"]".repeat(200);
        assert_eq!(
            parse(&deep),
            Err(JsonError),
            "nesting beyond 128 is refused"
        );
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
