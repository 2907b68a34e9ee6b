//! The JavaScript binding: decode the arguments, call the core, map errors, serialize.
//!
//! Nothing here is worth a test of its own logic; the JS suite tests it through the
//! built package. Results cross the boundary as plain camelCase objects, spans in UTF-16
//! code units unless the caller asked for another unit. Text longer than
//! [`MAX_TEXT_UNITS`] is refused with `text_too_large` before it reaches wasm memory.

use crate::error::MAX_TEXT_UNITS;
use crate::{Analysis, Error, ErrorKind, LanguageChoice, OffsetUnit, Options};
use serde::Serialize;
use wasm_bindgen::prelude::*;

fn to_js(error: &Error) -> JsValue {
    let js: js_sys::Error = match error.kind() {
        ErrorKind::InvalidText => js_sys::TypeError::new(error.message()).into(),
        ErrorKind::InvalidOptions => js_sys::Error::new(error.message()),
        ErrorKind::TextTooLarge => js_sys::RangeError::new(error.message()).into(),
    };
    // Setting a property on a fresh Error object cannot fail.
    let _ = js_sys::Reflect::set(
        &js,
        &JsValue::from_str("code"),
        &JsValue::from_str(error.code()),
    );
    js.into()
}

fn describe(value: &JsValue) -> String {
    if value.is_null() {
        "null".into()
    } else if js_sys::Array::is_array(value) {
        "an array".into()
    } else {
        value
            .js_typeof()
            .as_string()
            .unwrap_or_else(|| "unknown".into())
    }
}

/// Refuses text longer than [`MAX_TEXT_UNITS`] before it is copied into wasm memory, so
/// that an oversized input is an error with a code and not a trap when memory runs out.
fn check_size(units: u64, what: &str) -> Result<(), JsValue> {
    if units <= MAX_TEXT_UNITS as u64 {
        return Ok(());
    }
    let message = format!(
        "{what} {units} UTF-16 code units long, more than the limit of {MAX_TEXT_UNITS} ({} MiB)",
        MAX_TEXT_UNITS >> 20
    );
    Err(to_js(&Error::new(ErrorKind::TextTooLarge, message)))
}

fn decode_options(value: JsValue) -> Result<Options, JsValue> {
    if value.is_undefined() || value.is_null() {
        return Ok(Options::default());
    }
    if !value.is_object() || js_sys::Array::is_array(&value) {
        let message = format!("options must be an object, got {}", describe(&value));
        return Err(to_js(&Error::new(ErrorKind::InvalidOptions, message)));
    }
    // A Map, Date or other built-in would pass with its entries silently ignored.
    let tag = object_tag(&value);
    if tag != "Object" {
        let message = format!("options must be a plain object, got {tag}");
        return Err(to_js(&Error::new(ErrorKind::InvalidOptions, message)));
    }
    // Each known key is read by hand, so that the message names the field and the value;
    // a key set to `undefined` counts as absent, as an optional TypeScript field does.
    let mut options = Options::default();
    let entries = js_sys::Object::entries(value.unchecked_ref::<js_sys::Object>());
    for entry in entries.iter() {
        let entry: js_sys::Array = entry.unchecked_into();
        let (key, field) = (entry.get(0).as_string().unwrap_or_default(), entry.get(1));
        if field.is_undefined() {
            continue;
        }
        Options::check_keys([key.as_str()]).map_err(|e| to_js(&e))?;
        let invalid = |expected: &str| {
            let message = format!(
                "invalid options: `{key}`: expected {expected}, got {}",
                shown(&field)
            );
            to_js(&Error::new(ErrorKind::InvalidOptions, message))
        };
        match key.as_str() {
            // `offsets` and `keywords` are optional in the core: null means the default.
            "offsets" | "keywords" if field.is_null() => {}
            "tokens" => options.tokens = field.as_bool().ok_or_else(|| invalid("a boolean"))?,
            "entities" => options.entities = field.as_bool().ok_or_else(|| invalid("a boolean"))?,
            "offsets" => {
                let unit = field.as_string().and_then(|s| OffsetUnit::from_name(&s));
                options.offsets = Some(unit.ok_or_else(|| invalid(&one_of(&OffsetUnit::NAMES)))?);
            }
            "language" => {
                let choice = field
                    .as_string()
                    .and_then(|s| LanguageChoice::from_name(&s));
                options.language =
                    choice.ok_or_else(|| invalid(&one_of(&LanguageChoice::NAMES)))?;
            }
            "keywords" => {
                let n = field
                    .as_f64()
                    .filter(|n| n.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(n));
                options.keywords =
                    Some(n.ok_or_else(|| invalid("a whole number from 0 to 4294967295"))? as u32);
            }
            _ => {}
        }
    }
    Ok(options)
}

/// "one of `a`, `b`, `c`" for a list of names.
fn one_of<T>(names: &[(&str, T)]) -> String {
    let names: Vec<String> = names.iter().map(|(n, _)| format!("`{n}`")).collect();
    format!("one of {}", names.join(", "))
}

/// A value as an error message shows it: strings quoted, numbers as JavaScript writes
/// them, anything else by its type.
fn shown(value: &JsValue) -> String {
    if let Some(s) = value.as_string() {
        format!("`{s}`")
    } else if value.as_f64().is_some() || value.as_bool().is_some() || value.is_bigint() {
        js_string(value)
    } else {
        describe(value)
    }
}

// Spans travel as typed arrays and keys and shapes as one string: creating each
// `{start, end}` object through the boundary costs thousands of instructions, while this
// function builds them in JavaScript for a few dozen. It returns exactly the documented
// plain object, with fields in the documented order.
#[wasm_bindgen(inline_js = r#"
const KINDS = ['word', 'number', 'date', 'time', 'url', 'email', 'mention', 'hashtag', 'punct', 'symbol'];
const ENCODER = new TextEncoder();
export function js_string(value) {
  return String(value);
}
export function object_tag(value) {
  return Object.prototype.toString.call(value).slice(8, -1);
}
export function encode_into(text, view) {
  return ENCODER.encodeInto(text, view).written;
}
export function hydrate(raw) {
  const s = raw.sentences;
  const sentences = new Array(s.length / 2);
  for (let i = 0, j = 0; j < s.length; i++, j += 2) sentences[i] = { start: s[j], end: s[j + 1] };
  const out = { language: raw.language, stats: raw.stats, sentences };
  const t = raw.tokens;
  if (t) {
    const n = t.kinds.length;
    const tokens = new Array(n);
    let at = 0;
    for (let i = 0; i < n; i++) {
      const keyEnd = t.cuts[2 * i];
      const shapeEnd = t.cuts[2 * i + 1];
      tokens[i] = {
        start: t.spans[3 * i],
        end: t.spans[3 * i + 1],
        kind: KINDS[t.kinds[i]],
        shape: t.strings.slice(keyEnd, shapeEnd),
        key: t.strings.slice(at, keyEnd),
        sentence: t.spans[3 * i + 2],
      };
      at = shapeEnd;
    }
    out.tokens = tokens;
  }
  out.boilerplate = raw.boilerplate;
  out.keywords = raw.keywords;
  out.entities = raw.entities;
  out.notes = raw.notes;
  return out;
}
"#)]
extern "C" {
    fn hydrate(raw: JsValue) -> JsValue;
    fn object_tag(value: &JsValue) -> String;
    fn js_string(value: &JsValue) -> String;
    fn encode_into(text: &js_sys::JsString, view: &js_sys::Uint8Array) -> u32;
}

/// The text of a JS string. One native `TextEncoder.encodeInto` writes it straight into
/// wasm memory (the generic glue copies ASCII one character at a time in JavaScript). Lone
/// surrogates become U+FFFD, which is also one UTF-16 unit, so offsets stay aligned.
fn text_of(js: &js_sys::JsString) -> String {
    // A UTF-16 unit never takes more than three UTF-8 bytes.
    let capacity = (js.length() as usize).saturating_mul(3);
    let mut bytes: Vec<u8> = Vec::with_capacity(capacity);
    // SAFETY: the view covers exactly the vector's reserved bytes and is used only by the
    // call below, during which nothing in Rust allocates (so wasm memory cannot grow and
    // detach the view). `encodeInto` writes at most `capacity` bytes and reports how many.
    let written = unsafe {
        let view = js_sys::Uint8Array::view_mut_raw(bytes.as_mut_ptr(), capacity);
        encode_into(js, &view) as usize
    };
    // SAFETY: the first `written` bytes were initialized by `encodeInto`.
    unsafe { bytes.set_len(written.min(capacity)) };
    // Give back the unused reserve (two thirds of it for ASCII) before the analysis, which
    // reuses it: the allocator shrinks the block in place.
    bytes.shrink_to_fit();
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// The parts of an [`Analysis`] that are few and small, serialized field by field.
#[derive(Serialize)]
struct Small<'a> {
    language: &'a crate::Language,
    stats: &'a crate::Stats,
    boilerplate: &'a [crate::Boilerplate],
    keywords: &'a [crate::Keyword],
    entities: &'a [crate::Entity],
    notes: &'a [crate::Note],
}

fn set(target: &JsValue, key: &str, value: &JsValue) {
    // Setting a property on a fresh plain object cannot fail.
    let _ = js_sys::Reflect::set(target, &JsValue::from_str(key), value);
}

/// The raw form that [`hydrate`] turns into the documented object.
fn raw(analysis: &Analysis) -> Result<JsValue, JsValue> {
    let small = Small {
        language: &analysis.language,
        stats: &analysis.stats,
        boilerplate: &analysis.boilerplate,
        keywords: &analysis.keywords,
        entities: &analysis.entities,
        notes: &analysis.notes,
    };
    let raw = small.serialize(&serde_wasm_bindgen::Serializer::json_compatible())?;
    // usize is 32 bits on wasm32, so spans fit in u32 without loss.
    let sentences: Vec<u32> = analysis
        .sentences
        .iter()
        .flat_map(|s| [s.start as u32, s.end as u32])
        .collect();
    set(
        &raw,
        "sentences",
        &js_sys::Uint32Array::from(&sentences[..]).into(),
    );
    if let Some(tokens) = &analysis.tokens {
        let mut spans = Vec::with_capacity(tokens.len() * 3);
        let mut kinds = Vec::with_capacity(tokens.len());
        let mut cuts = Vec::with_capacity(tokens.len() * 2);
        let mut strings = String::new();
        let mut units = 0u32;
        for t in tokens {
            spans.extend([t.start as u32, t.end as u32, t.sentence as u32]);
            kinds.push(t.kind as u8);
            for piece in [&t.key, &t.shape] {
                strings.push_str(piece);
                units += piece.encode_utf16().count() as u32;
                cuts.push(units);
            }
        }
        let packed = js_sys::Object::new();
        set(
            &packed,
            "spans",
            &js_sys::Uint32Array::from(&spans[..]).into(),
        );
        set(
            &packed,
            "kinds",
            &js_sys::Uint8Array::from(&kinds[..]).into(),
        );
        set(
            &packed,
            "cuts",
            &js_sys::Uint32Array::from(&cuts[..]).into(),
        );
        set(&packed, "strings", &JsValue::from_str(&strings));
        set(&raw, "tokens", &packed.into());
    }
    Ok(hydrate(raw))
}

/// Analyzes `text` (see the README for the result's fields).
#[wasm_bindgen(js_name = analyze)]
pub fn analyze_js(text: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let Some(js) = text.dyn_ref::<js_sys::JsString>() else {
        let message = format!("analyze: text must be a string, got {}", describe(&text));
        return Err(to_js(&Error::new(ErrorKind::InvalidText, message)));
    };
    check_size(js.length().into(), "analyze: text is")?;
    let text = text_of(js);
    let mut options = decode_options(options)?;
    options.offsets.get_or_insert(OffsetUnit::Utf16);
    raw(&crate::analyze(&text, &options))
}

/// Analyzes a set of texts (see the README for the result's fields).
#[wasm_bindgen(js_name = analyzeCorpus)]
pub fn analyze_corpus_js(texts: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    if !js_sys::Array::is_array(&texts) {
        let message = format!(
            "analyzeCorpus: texts must be an array of strings, got {}",
            describe(&texts)
        );
        return Err(to_js(&Error::new(ErrorKind::InvalidText, message)));
    }
    let array: js_sys::Array = texts.unchecked_into();
    let mut texts = Vec::with_capacity(array.length() as usize);
    for (i, value) in array.iter().enumerate() {
        match value.dyn_into::<js_sys::JsString>() {
            Ok(text) => texts.push(text),
            Err(value) => {
                let message = format!(
                    "analyzeCorpus: texts[{i}] must be a string, got {}",
                    describe(&value)
                );
                return Err(to_js(&Error::new(ErrorKind::InvalidText, message)));
            }
        }
    }
    // Summed in 64 bits: one huge string may fill the array many times over.
    let units = texts.iter().map(|t| u64::from(t.length())).sum();
    check_size(units, "analyzeCorpus: the texts are together")?;
    let strings: Vec<String> = texts.iter().map(text_of).collect();
    let mut options = decode_options(options)?;
    options.offsets.get_or_insert(OffsetUnit::Utf16);
    let corpus = crate::analyze_corpus(&strings, &options);
    let documents = js_sys::Array::new();
    for analysis in &corpus.documents {
        documents.push(&raw(analysis)?);
    }
    let keywords = corpus
        .keywords
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())?;
    let entities = corpus
        .entities
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())?;
    let out = js_sys::Object::new();
    set(&out, "documents", &documents.into());
    set(&out, "keywords", &keywords);
    set(&out, "entities", &entities);
    Ok(out.into())
}

/// The version of the kupas core.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
