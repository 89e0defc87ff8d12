//! `dinfra-chain-spec`: writes a raw chain spec of the DINFRA FRAME runtime from one of its
//! genesis presets: `{"genesis":{"raw":{"top":{…}}}}` with `:code` = the compressed Wasm.
//! Chopsticks (`genesis:`) and polkadot-omni-node (`--chain`) run it.
//!
//! Usage: dinfra-chain-spec [--preset dev|local] [--out FILE] [--wasm FILE] [--para-id N]
//!
//! `--para-id N` adds the `relay_chain` / `para_id` fields polkadot-omni-node reads.

use dinfra_runtime::{presets, RuntimeGenesisConfig, WASM_BINARY};
use serde_json::{json, Map, Value};
use sp_runtime::BuildStorage;
use std::{collections::BTreeMap, process::ExitCode};

struct Args {
	preset: String,
	out: Option<String>,
	wasm: Option<String>,
	para_id: Option<u32>,
}

fn parse_args() -> Result<Args, String> {
	let mut args = Args { preset: "dev".into(), out: None, wasm: None, para_id: None };
	let mut it = std::env::args().skip(1);
	while let Some(a) = it.next() {
		let mut value = |name: &str| it.next().ok_or_else(|| format!("{name} needs a value"));
		match a.as_str() {
			"--preset" => args.preset = value("--preset")?,
			"--out" => args.out = Some(value("--out")?),
			"--wasm" => args.wasm = Some(value("--wasm")?),
			"--para-id" => {
				let v = value("--para-id")?;
				args.para_id = Some(v.parse().map_err(|_| format!("--para-id: not a number: {v}"))?);
			},
			"--help" | "-h" => {
				println!("Usage: dinfra-chain-spec [--preset dev|local] [--out FILE] [--wasm FILE] [--para-id N]");
				println!("Writes a raw chain spec of the DINFRA FRAME runtime (stdout without --out);");
				println!("--wasm also writes the runtime's compressed Wasm; --para-id N adds the");
				println!("relay_chain / para_id fields polkadot-omni-node reads.");
				std::process::exit(0);
			},
			other => return Err(format!("unknown argument {other} (see --help)")),
		}
	}
	Ok(args)
}

/// Merges `patch` into `base` (objects key by key, everything else replaced), as polkadot-sdk's
/// genesis builder applies a preset.
fn merge(base: &mut Value, patch: Value) {
	match (base, patch) {
		(Value::Object(b), Value::Object(p)) => {
			for (k, v) in p {
				merge(b.entry(k).or_insert(Value::Null), v);
			}
		},
		(b, p) => *b = p,
	}
}

fn hex(bytes: &[u8]) -> String {
	let mut s = String::with_capacity(2 + bytes.len() * 2);
	s.push_str("0x");
	for b in bytes {
		s.push_str(&format!("{b:02x}"));
	}
	s
}

fn chain_spec(preset: &str, wasm: &[u8]) -> Result<Value, String> {
	let patch = presets::get_preset(&preset.to_string()).ok_or_else(|| {
		format!("unknown preset {preset:?}: one of {:?}", presets::preset_names())
	})?;
	let patch: Value = serde_json::from_slice(&patch).map_err(|e| e.to_string())?;
	let mut config = serde_json::to_value(RuntimeGenesisConfig::default()).map_err(|e| e.to_string())?;
	merge(&mut config, patch);
	let config: RuntimeGenesisConfig =
		serde_json::from_value(config).map_err(|e| format!("preset {preset}: {e}"))?;
	let mut storage = config.build_storage()?;
	storage.top.insert(sp_core::storage::well_known_keys::CODE.to_vec(), wasm.to_vec());
	let top: Map<String, Value> =
		storage.top.iter().map(|(k, v)| (hex(k), Value::String(hex(v)))).collect::<BTreeMap<_, _>>().into_iter().collect();
	let local = matches!(preset, "local" | "local_testnet");
	Ok(json!({
		"name": if local { "Local Testnet" } else { "Development" },
		"id": if local { "local_testnet" } else { "dev" },
		"chainType": if local { "Local" } else { "Development" },
		"bootNodes": [],
		"telemetryEndpoints": null,
		"protocolId": "dinfra",
		"properties": { "ss58Format": 42, "tokenDecimals": 12, "tokenSymbol": "DIN" },
		"codeSubstitutes": {},
		"genesis": { "raw": { "top": top, "childrenDefault": {} } },
	}))
}

fn run() -> Result<(), String> {
	let args = parse_args()?;
	let wasm = WASM_BINARY.ok_or("the runtime was built without its Wasm (SKIP_WASM_BUILD?)")?;
	let mut spec = chain_spec(&args.preset, wasm)?;
	if let Some(id) = args.para_id {
		spec["relay_chain"] = json!("rococo-local");
		spec["para_id"] = json!(id);
	}
	let text = serde_json::to_string_pretty(&spec).map_err(|e| e.to_string())?;
	match &args.out {
		Some(path) => std::fs::write(path, text + "\n").map_err(|e| format!("{path}: {e}"))?,
		None => println!("{text}"),
	}
	if let Some(path) = &args.wasm {
		std::fs::write(path, wasm).map_err(|e| format!("{path}: {e}"))?;
	}
	Ok(())
}

fn main() -> ExitCode {
	match run() {
		Ok(()) => ExitCode::SUCCESS,
		Err(e) => {
			eprintln!("dinfra-chain-spec: {e}");
			ExitCode::FAILURE
		},
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn dev_and_local_specs_hold_the_code_and_the_balances() {
		for (preset, accounts) in [("dev", 12), ("local", 6)] {
			let spec = chain_spec(preset, b"wasm").unwrap();
			let top = spec["genesis"]["raw"]["top"].as_object().unwrap();
			assert_eq!(top.get("0x3a636f6465"), Some(&Value::String("0x7761736d".into())));
			// System.Account entries: twox128("System") ++ twox128("Account").
			let n = top.keys().filter(|k| k.starts_with("0x26aa394eea5630e07c48ae0c9558cef7b99d880ec681799c0cf30e8886371da9")).count();
			assert_eq!(n, accounts, "{preset}");
		}
		assert!(chain_spec("nope", b"").is_err());
	}
}
