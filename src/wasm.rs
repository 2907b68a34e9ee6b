//! The JavaScript binding: decode the arguments, call the core, map errors, serialize.
//!
//! Nothing here is worth a test of its own logic; the JS suite tests it through the
//! built package. Results cross the boundary as plain camelCase objects, spans in UTF-16
//! code units unless the caller asked for another unit.

use crate::{Error, ErrorKind, OffsetUnit, Options};
use serde::Serialize;
use wasm_bindgen::prelude::*;

fn to_js(error: &Error) -> JsValue {
    let js: js_sys::Error = match error.kind() {
        ErrorKind::InvalidText => js_sys::TypeError::new(error.message()).into(),
        ErrorKind::InvalidOptions => js_sys::Error::new(error.message()),
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

fn decode_options(value: JsValue) -> Result<Options, JsValue> {
    if value.is_undefined() || value.is_null() {
        return Ok(Options::default());
    }
    if !value.is_object() || js_sys::Array::is_array(&value) {
        let message = format!("options must be an object, got {}", describe(&value));
        return Err(to_js(&Error::new(ErrorKind::InvalidOptions, message)));
    }
    // serde-wasm-bindgen only reads the fields it knows, so unknown keys are checked here;
    // a key set to `undefined` counts as absent, as an optional TypeScript field does.
    let given = js_sys::Object::new();
    let entries = js_sys::Object::entries(value.unchecked_ref::<js_sys::Object>());
    let mut keys = Vec::new();
    for entry in entries.iter() {
        let entry: js_sys::Array = entry.unchecked_into();
        let (key, field) = (entry.get(0), entry.get(1));
        if field.is_undefined() {
            continue;
        }
        keys.push(key.as_string().unwrap_or_default());
        // Setting a property on a fresh plain object cannot fail.
        let _ = js_sys::Reflect::set(&given, &key, &field);
    }
    Options::check_keys(keys.iter().map(String::as_str)).map_err(|e| to_js(&e))?;
    let value: JsValue = given.into();
    let deserializer = serde_wasm_bindgen::Deserializer::from(value);
    serde_path_to_error::deserialize(deserializer).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.inner().to_string();
        let inner = inner.strip_prefix("Error: ").unwrap_or(&inner);
        let message = format!("invalid options: `{path}`: {inner}");
        to_js(&Error::new(ErrorKind::InvalidOptions, message))
    })
}

/// Analyzes `text` (see the README for the result's fields).
#[wasm_bindgen(js_name = analyze)]
pub fn analyze_js(text: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let Some(text) = text.as_string() else {
        let message = format!("analyze: text must be a string, got {}", describe(&text));
        return Err(to_js(&Error::new(ErrorKind::InvalidText, message)));
    };
    let mut options = decode_options(options)?;
    options.offsets.get_or_insert(OffsetUnit::Utf16);
    let analysis = crate::analyze(&text, &options);
    analysis
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(JsValue::from)
}

/// The version of the kupas core.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
