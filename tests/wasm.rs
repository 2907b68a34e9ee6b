//! The wasm boundary, exactly as JavaScript calls it. Runs in Node by default and in
//! headless Chromium with `WASM_BINDGEN_USE_BROWSER=1` (see scripts/test.mjs).
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, Object, Reflect};
use kupas::wasm::{analyze_js, version};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &JsValue::from_str(key)).expect("property")
}

fn num(value: &JsValue, key: &str) -> f64 {
    get(value, key).as_f64().expect("number")
}

fn options(pairs: &[(&str, JsValue)]) -> JsValue {
    let o = Object::new();
    for (k, v) in pairs {
        Reflect::set(&o, &JsValue::from_str(k), v).expect("set");
    }
    o.into()
}

/// `text.slice(start, end)` in JavaScript terms.
fn slice(text: &str, span: &JsValue) -> String {
    let js = js_sys::JsString::from(text);
    js.slice(num(span, "start") as u32, num(span, "end") as u32)
        .into()
}

fn code_of(error: JsValue) -> String {
    get(&error, "code").as_string().expect("code")
}

#[wasm_bindgen_test]
fn returns_a_plain_object_with_utf16_spans() {
    let text = "😀 “Kim Jong-un” tiba.\r\nIa disambut.";
    let result = analyze_js(
        JsValue::from_str(text),
        options(&[("tokens", JsValue::TRUE)]),
    )
    .expect("analysis");
    assert_eq!(
        get(&get(&result, "language"), "code")
            .as_string()
            .as_deref(),
        Some("id")
    );
    let sentences: Array = get(&result, "sentences").dyn_into().expect("array");
    let got: Vec<String> = sentences.iter().map(|s| slice(text, &s)).collect();
    assert_eq!(got, ["😀 “Kim Jong-un” tiba.", "Ia disambut."]);
    let tokens: Array = get(&result, "tokens").dyn_into().expect("array");
    let jong = tokens
        .iter()
        .find(|t| slice(text, t) == "Jong-un")
        .expect("Jong-un token");
    assert_eq!(get(&jong, "kind").as_string().as_deref(), Some("word"));
    assert_eq!(get(&jong, "shape").as_string().as_deref(), Some("Xxxx-xx"));
    assert_eq!(num(&get(&result, "stats"), "readingMinutes"), 1.0);
    assert!(Array::is_array(&get(&result, "keywords")));
    assert!(get(&result, "tokensX").is_undefined());
}

#[wasm_bindgen_test]
fn tokens_only_when_asked() {
    let result = analyze_js(JsValue::from_str("Halo."), JsValue::UNDEFINED).expect("analysis");
    assert!(get(&result, "tokens").is_undefined());
    let result = analyze_js(JsValue::from_str("Halo."), JsValue::NULL).expect("analysis");
    assert_eq!(num(&get(&result, "stats"), "words"), 1.0);
}

#[wasm_bindgen_test]
fn lone_surrogates_become_replacement_characters() {
    // A lone surrogate is one UTF-16 unit, and so is U+FFFD: offsets stay aligned.
    let text: JsValue = js_sys::JsString::from_char_code(&[0xD800, 0x20, 0x4B, 0x69, 0x6D]).into();
    let result = analyze_js(text, options(&[("tokens", JsValue::TRUE)])).expect("analysis");
    let tokens: Array = get(&result, "tokens").dyn_into().expect("array");
    let last = tokens.get(tokens.length() - 1);
    assert_eq!((num(&last, "start"), num(&last, "end")), (2.0, 5.0));
}

#[wasm_bindgen_test]
fn bad_arguments_throw_errors_with_codes() {
    let err = analyze_js(JsValue::from_f64(5.0), JsValue::UNDEFINED).expect_err("not a string");
    assert!(err.is_instance_of::<js_sys::TypeError>());
    assert_eq!(code_of(err), "invalid_text");
    let err = analyze_js(
        JsValue::from_str("x"),
        options(&[("tokenz", JsValue::TRUE)]),
    )
    .expect_err("unknown");
    let message: String = get(&err, "message").as_string().expect("message");
    assert!(message.contains("tokenz"), "{message}");
    assert_eq!(code_of(err), "invalid_options");
    let err = analyze_js(
        JsValue::from_str("x"),
        options(&[("tokens", JsValue::from_str("yes"))]),
    )
    .expect_err("type");
    assert!(get(&err, "message")
        .as_string()
        .expect("message")
        .contains("tokens"));
    let err =
        analyze_js(JsValue::from_str("x"), JsValue::from_str("fast")).expect_err("not an object");
    assert_eq!(code_of(err), "invalid_options");
    // The module keeps working after errors.
    assert!(analyze_js(JsValue::from_str("Masih jalan."), JsValue::UNDEFINED).is_ok());
    assert_eq!(version(), env!("CARGO_PKG_VERSION"));
}
