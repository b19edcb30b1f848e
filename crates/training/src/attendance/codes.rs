//! The rotating codes a trainer shows (six digits read aloud, a QR code), valid for one
//! half-day and thirty seconds, and the digest of a signing device.

use super::*;

/// The current 30-second window.
pub fn window(at: i64) -> i64 {
    at.div_euclid(rules::CODE_PERIOD_SECONDS)
}

fn mac(secret: &str, purpose: &str, activity: i64, slot: &str, window: i64) -> [u8; 32] {
    let mut m = Hmac::<Sha256>::new_from_slice(secret.as_bytes()).expect("any key length");
    m.update(format!("{purpose}|{activity}|{slot}|{window}").as_bytes());
    m.finalize().into_bytes().into()
}

/// The six-digit code read aloud in `window`.
pub fn code(secret: &str, activity: i64, slot: &str, window: i64) -> String {
    let d = mac(secret, "code", activity, slot, window);
    let n = u32::from_be_bytes([d[0], d[1], d[2], d[3]]) % 1_000_000;
    format!("{n:06}")
}

/// The token the QR code carries in `window`.
pub fn qr_token(secret: &str, activity: i64, slot: &str, window: i64) -> String {
    let d = mac(secret, "qr", activity, slot, window);
    URL_SAFE_NO_PAD.encode(&d[..12])
}

fn same(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

/// A typed code is accepted in its window and the two before it (90 seconds: time to read it
/// aloud and type it).
pub fn accepts_code(secret: &str, activity: i64, slot: &str, given: &str, at: i64) -> bool {
    let given: String = given.chars().filter(|c| c.is_ascii_digit()).collect();
    if given.len() != 6 {
        return false;
    }
    let w = window(at);
    (0..3).any(|back| same(&code(secret, activity, slot, w - back), &given))
}

/// A scanned QR code is accepted in its window and the one before it.
pub fn accepts_qr(secret: &str, activity: i64, slot: &str, given: &str, at: i64) -> bool {
    let w = window(at);
    (0..2).any(|back| same(&qr_token(secret, activity, slot, w - back), given))
}

/// The QR code of a URL, as an inline SVG image with its text alternative.
///
/// Drawing a code (its mask's scoring) costs more than the rest of a sheet's page, and a live
/// sheet shows the same code until its window turns: the last few drawn are kept.
pub fn qr_svg(url: &str, label: &str) -> String {
    const KEPT: usize = 64;
    static DRAWN: std::sync::Mutex<std::collections::VecDeque<(String, String, String)>> =
        std::sync::Mutex::new(std::collections::VecDeque::new());
    let lock = || {
        DRAWN
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    };
    if let Some((_, _, svg)) = lock().iter().find(|(u, l, _)| u == url && l == label) {
        return svg.clone();
    }
    let svg = draw_qr(url, label);
    let mut drawn = lock();
    if drawn.len() == KEPT {
        drawn.pop_front();
    }
    drawn.push_back((url.to_owned(), label.to_owned(), svg.clone()));
    svg
}

pub(crate) fn draw_qr(url: &str, label: &str) -> String {
    let Ok(code) = qrcode::QrCode::new(url.as_bytes()) else {
        return String::new();
    };
    let svg = code
        .render::<qrcode::render::svg::Color<'_>>()
        .min_dimensions(240, 240)
        .quiet_zone(true)
        .build();
    let start = svg.find("<svg").unwrap_or(0);
    let label = label
        .replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;");
    svg[start..].replacen(
        "<svg",
        &format!("<svg role=\"img\" aria-label=\"{label}\" class=\"qr\""),
        1,
    )
}

/// A digest of the device's cookie: enough to see one device sign for several people, and
/// nothing that identifies the device elsewhere.
pub fn device_digest(cookie: &str) -> String {
    hybride_store::token::digest(&format!("device:{cookie}"))[..16].to_owned()
}
