//! Reading a vector: hex, decimal strings, origins (frame/vectors/README.md, "Encoding rules").

use serde_json::Value;
use sp_runtime::AccountId32;

pub fn hex(v: &Value) -> Result<Vec<u8>, String> {
	let s = v.as_str().ok_or_else(|| format!("expected a hex string, got {v}"))?;
	sp_core::bytes::from_hex(s).map_err(|e| format!("bad hex {s}: {e:?}"))
}

pub fn to_hex(b: &[u8]) -> String {
	format!("0x{}", sp_core::hexdisplay::HexDisplay::from(&b))
}

pub fn account(v: &Value) -> Result<AccountId32, String> {
	let b = hex(v)?;
	let a: [u8; 32] = b.try_into().map_err(|_| format!("an account is 32 bytes: {v}"))?;
	Ok(AccountId32::new(a))
}

pub fn amount(v: &Value) -> Result<u128, String> {
	v.as_str().and_then(|s| s.parse().ok()).ok_or_else(|| format!("expected a decimal string, got {v}"))
}

pub fn num(v: &Value, what: &str) -> Result<u32, String> {
	v.as_u64().and_then(|n| u32::try_from(n).ok()).ok_or_else(|| format!("{what}: expected a number, got {v}"))
}

pub fn list<'a>(v: &'a Value, what: &str) -> Result<&'a Vec<Value>, String> {
	v.as_array().ok_or_else(|| format!("{what}: expected a list"))
}

/// `pallet.name` of an expected event, with its informative fields.
pub fn describe_event(e: &Value) -> String {
	format!("{}.{} {} {}", e["pallet"].as_str().unwrap_or("?"), e["name"].as_str().unwrap_or("?"), e["hex"].as_str().unwrap_or("?"), e["fields"])
}

/// The origin as the vectors write it: `{"signed": account}`, `"root"`, `"none"`.
pub fn describe_origin(o: &Value) -> String {
	match o {
		Value::String(s) => s.clone(),
		_ => o["signed"].as_str().map(|a| format!("{}…{}", &a[..6.min(a.len())], &a[a.len().saturating_sub(2)..])).unwrap_or_else(|| o.to_string()),
	}
}
