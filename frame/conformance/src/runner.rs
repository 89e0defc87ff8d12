//! Runs one vector block by block and stops at the first difference
//! (frame/vectors/README.md, "Block execution" and "Comparing, and naming a divergence").

use crate::{
	mock::*,
	vector::{account, amount, describe_event, describe_origin, hex, list, num, to_hex},
};
use codec::{Decode, Encode};
use frame_support::traits::{OnFinalize, OnInitialize, UnfilteredDispatchable};
use serde_json::Value;
use sp_core::storage::StateVersion;
use sp_runtime::{AccountId32, BuildStorage};
use std::{fmt, path::PathBuf};

/// The first difference between a vector and the pallets: the full message names the vector,
/// the block, the step and both values.
#[derive(Debug)]
pub struct Divergence(pub String);

impl fmt::Display for Divergence {
	fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
		f.write_str(&self.0)
	}
}

/// What a vector exercised.
#[derive(Debug, Default)]
pub struct Summary {
	pub blocks: u32,
	pub calls: u32,
	pub failed_calls: u32,
	pub events: u32,
	/// `Pallet.call` names dispatched, and `Pallet.Error` names returned.
	pub calls_seen: Vec<String>,
	pub errors_seen: Vec<String>,
}

/// frame/vectors, or `DINFRA_VECTORS`.
pub fn vectors_dir() -> PathBuf {
	std::env::var_os("DINFRA_VECTORS")
		.map(PathBuf::from)
		.unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../vectors"))
}

const PREFIXES: [[u8; 16]; 2] = [
	// twox128("Providers"), twox128("Subscriptions")
	[0x0e, 0xae, 0x9b, 0xd3, 0xca, 0xfa, 0x0c, 0x7d, 0x3d, 0xc2, 0x30, 0x94, 0xbd, 0x80, 0xdc, 0xab],
	[0x31, 0x21, 0x79, 0x39, 0x01, 0x87, 0x0e, 0x7a, 0x42, 0x81, 0x34, 0x1f, 0x0f, 0x29, 0xaf, 0x2f],
];

/// twox128(":__STORAGE_VERSION__:"): FRAME writes each pallet's storage version under its
/// prefix at genesis; the TypeScript runtime does not (yet), so the runner leaves it out.
const STORAGE_VERSION: [u8; 16] =
	[0x4e, 0x7b, 0x90, 0x12, 0x09, 0x6b, 0x41, 0xc4, 0xeb, 0x3a, 0xaf, 0x94, 0x7f, 0x6e, 0xa4, 0x29];

/// Every storage entry under the two DINFRA prefixes, in key order (without the storage version).
fn dinfra_storage() -> Vec<(Vec<u8>, Vec<u8>)> {
	let mut out = Vec::new();
	for prefix in PREFIXES {
		let mut key = prefix.to_vec();
		if let Some(v) = sp_io::storage::get(&key) {
			out.push((key.clone(), v.to_vec()));
		}
		while let Some(next) = sp_io::storage::next_key(&key) {
			if !next.starts_with(&prefix) {
				break;
			}
			let v = sp_io::storage::get(&next).expect("next_key returns present keys").to_vec();
			if next[16..] != STORAGE_VERSION {
				out.push((next.clone(), v));
			}
			key = next;
		}
	}
	out
}

/// Balances, Providers and Subscriptions events, as SCALE of the RuntimeEvent.
fn recorded(from: usize) -> Vec<(Vec<u8>, String)> {
	System::events()
		.into_iter()
		.skip(from)
		.filter(|r| matches!(r.event, RuntimeEvent::Balances(_) | RuntimeEvent::Providers(_) | RuntimeEvent::Subscriptions(_)))
		.map(|r| (r.event.encode(), format!("{:?}", r.event)))
		.collect()
}

struct Ctx<'a> {
	vector: &'a str,
	block: u32,
	/// "step N (Pallet.call by origin, args)" for a call.
	step: Option<String>,
}

impl Ctx<'_> {
	fn diverge(&self, what: String) -> Divergence {
		let step = self.step.as_ref().map(|s| format!(", {s}")).unwrap_or_default();
		Divergence(format!("{}: block {}{}:\n  {}", self.vector, self.block, step, what))
	}
}

fn compare_events(ctx: &Ctx, which: &str, expected: &[Value], actual: &[(Vec<u8>, String)]) -> Result<(), Divergence> {
	for (i, e) in expected.iter().enumerate() {
		let want = hex(&e["hex"]).map_err(|m| ctx.diverge(m))?;
		match actual.get(i) {
			Some((got, dbg)) if *got == want => {},
			Some((got, dbg)) => {
				return Err(ctx.diverge(format!(
					"{which} event {i} differs\n    expected {}\n    actual   {} {dbg}",
					describe_event(e),
					to_hex(got)
				)))
			},
			None => {
				return Err(ctx.diverge(format!(
					"{which}: {} events expected, {} deposited; missing event {i}\n    expected {}\n    actual   (none)",
					expected.len(),
					actual.len(),
					describe_event(e)
				)))
			},
		}
	}
	if let Some((got, dbg)) = actual.get(expected.len()) {
		return Err(ctx.diverge(format!(
			"{which}: {} events expected, {} deposited; extra event {}\n    expected (none)\n    actual   {} {dbg}",
			expected.len(),
			actual.len(),
			expected.len(),
			to_hex(got)
		)));
	}
	Ok(())
}

fn compare_state(ctx: &Ctx, expected: &Value, accounts: &[AccountId32]) -> Result<(), Divergence> {
	let entries = dinfra_storage();
	let root = sp_io::trie::blake2_256_root(entries.clone(), StateVersion::V1);
	let want_root = hex(&expected["storage_root"]).map_err(|m| ctx.diverge(m))?;
	let root_diff = root.as_ref() != want_root.as_slice();
	if let Some(storage) = expected["storage"].as_object() {
		let mut want: Vec<(Vec<u8>, Vec<u8>)> = Vec::new();
		for (k, v) in storage {
			let key = sp_core::bytes::from_hex(k).map_err(|e| ctx.diverge(format!("bad key {k}: {e:?}")))?;
			want.push((key, hex(v).map_err(|m| ctx.diverge(m))?));
		}
		want.sort();
		let n = want.len().max(entries.len());
		for i in 0..n {
			match (want.get(i), entries.get(i)) {
				(Some(w), Some(a)) if w == a => continue,
				(Some(w), Some(a)) if w.0 == a.0 => {
					return Err(ctx.diverge(format!(
						"storage value of {} differs\n    expected {}\n    actual   {}",
						to_hex(&w.0),
						to_hex(&w.1),
						to_hex(&a.1)
					)))
				},
				(w, a) => {
					let (missing, extra) = match (w, a) {
						(Some(w), Some(a)) if w.0 < a.0 => (Some(w), None),
						(Some(_), Some(a)) => (None, Some(a)),
						(w, a) => (w, a),
					};
					return Err(ctx.diverge(match (missing, extra) {
						(Some(w), _) => format!("storage key {} missing\n    expected {}\n    actual   (absent)", to_hex(&w.0), to_hex(&w.1)),
						(_, Some(a)) => format!("storage key {} unexpected\n    expected (absent)\n    actual   {}", to_hex(&a.0), to_hex(&a.1)),
						_ => unreachable!(),
					}));
				},
			}
		}
	}
	if root_diff {
		return Err(ctx.diverge(format!(
			"storage_root differs ({} entries)\n    expected {}\n    actual   {}",
			entries.len(),
			to_hex(&want_root),
			to_hex(root.as_ref())
		)));
	}
	for who in accounts {
		let key = to_hex(who.as_ref());
		let want = &expected["accounts"][&key];
		let (free, reserved) = (Balances::free_balance(who), Balances::reserved_balance(who));
		let (wf, wr) = (amount(&want["free"]).map_err(|m| ctx.diverge(m))?, amount(&want["reserved"]).map_err(|m| ctx.diverge(m))?);
		if (free, reserved) != (wf, wr) {
			return Err(ctx.diverge(format!(
				"account {key} differs\n    expected free {wf}, reserved {wr}\n    actual   free {free}, reserved {reserved}"
			)));
		}
	}
	Ok(())
}

fn origin(o: &Value) -> Result<RuntimeOrigin, String> {
	match o {
		Value::String(s) if s == "root" => Ok(RuntimeOrigin::root()),
		Value::String(s) if s == "none" => Ok(RuntimeOrigin::none()),
		_ => Ok(RuntimeOrigin::signed(account(&o["signed"])?)),
	}
}

fn run_call(ctx: &mut Ctx, c: &Value, summary: &mut Summary) -> Result<(), Divergence> {
	let step = c["step"].as_u64().unwrap_or(u64::MAX);
	let name = format!("{}.{}", c["call"]["pallet"].as_str().unwrap_or("?"), c["call"]["name"].as_str().unwrap_or("?"));
	ctx.step = Some(format!("step {step} ({name} by {}, args {})", describe_origin(&c["origin"]), c["call"]["args"]));
	let bytes = hex(&c["call"]["hex"]).map_err(|m| ctx.diverge(m))?;
	let call = RuntimeCall::decode(&mut &bytes[..]).map_err(|e| ctx.diverge(format!("the call does not decode: {e}")))?;
	let origin = origin(&c["origin"]).map_err(|m| ctx.diverge(m))?;
	let before = System::events().len();
	let result = call.dispatch_bypass_filter(origin);
	summary.calls += 1;
	summary.calls_seen.push(name);
	let want_ok = c["result"]["ok"].as_bool().ok_or_else(|| ctx.diverge("result.ok is not a bool".into()))?;
	match (&result, want_ok) {
		(Ok(_), true) => {},
		(Err(e), false) => {
			summary.failed_calls += 1;
			let want = hex(&c["result"]["error"]["hex"]).map_err(|m| ctx.diverge(m))?;
			let got = e.error.encode();
			if got != want {
				return Err(ctx.diverge(format!(
					"result differs\n    expected Err {} {}\n    actual   Err {} {:?}",
					c["result"]["error"]["name"].as_str().unwrap_or("?"),
					to_hex(&want),
					to_hex(&got),
					e.error
				)));
			}
			summary.errors_seen.push(c["result"]["error"]["name"].as_str().unwrap_or("?").to_string());
		},
		(Ok(_), false) => {
			return Err(ctx.diverge(format!(
				"result differs\n    expected Err {} {}\n    actual   Ok",
				c["result"]["error"]["name"].as_str().unwrap_or("?"),
				c["result"]["error"]["hex"].as_str().unwrap_or("?")
			)))
		},
		(Err(e), true) => {
			return Err(ctx.diverge(format!("result differs\n    expected Ok\n    actual   Err {} {:?}", to_hex(&e.error.encode()), e.error)))
		},
	}
	let expected = list(&c["events"], "events").map_err(|m| ctx.diverge(m))?;
	summary.events += expected.len() as u32;
	compare_events(ctx, "the call's", expected, &recorded(before))?;
	ctx.step = None;
	Ok(())
}

/// Runs `vector` (a parsed vector file) and returns what it exercised, or the first divergence.
pub fn run_vector(vector: &Value) -> Result<Summary, Divergence> {
	let name = vector["name"].as_str().unwrap_or("?").to_string();
	let mut ctx = Ctx { vector: &name, block: 0, step: None };
	let genesis = &vector["genesis"];
	let err = |m: String| Divergence(format!("{name}: {m}"));
	let mut balances = Vec::new();
	for b in list(&genesis["balances"], "genesis.balances").map_err(err)? {
		balances.push((account(&b[0]).map_err(err)?, amount(&b[1]).map_err(err)?));
	}
	let mut deployment_types = Vec::new();
	for t in list(&genesis["deployment_types"], "genesis.deployment_types").map_err(err)? {
		let text = |v: &Value| v.as_str().map(str::to_string).ok_or_else(|| format!("deployment type: {t}"));
		deployment_types.push(pallet_dinfra_providers::genesis::GenesisType {
			name: text(&t["name"]).map_err(err)?,
			schema_cid: text(&t["schema_cid"]).map_err(err)?,
		});
	}
	let accounts: Vec<AccountId32> = genesis["accounts"]
		.as_object()
		.map(|m| m.keys().map(|k| account(&Value::String(k.clone()))).collect::<Result<_, _>>())
		.unwrap_or(Ok(Vec::new()))
		.map_err(err)?;
	let storage = RuntimeGenesisConfig {
		balances: pallet_balances::GenesisConfig { balances, ..Default::default() },
		providers: pallet_dinfra_providers::GenesisConfig { deployment_types, ..Default::default() },
		..Default::default()
	}
	.build_storage()
	.map_err(|e| err(format!("genesis does not build: {e}")))?;
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| {
		compare_state(&ctx, genesis, &accounts)?;
		let mut summary = Summary::default();
		for b in list(&vector["blocks"], "blocks").map_err(|m| ctx.diverge(m))? {
			let number = num(&b["number"], "number").map_err(|m| ctx.diverge(m))?;
			let through = num(&b["through"], "through").map_err(|m| ctx.diverge(m))?;
			for n in number..=through {
				ctx.block = n;
				ctx.step = None;
				System::reset_events();
				System::set_block_number(n);
				AllPalletsWithSystem::on_initialize(n);
				let quiet = Vec::new();
				let init = if n == number { list(&b["initialize_events"], "initialize_events").map_err(|m| ctx.diverge(m))? } else { &quiet };
				compare_events(&ctx, "on_initialize", init, &recorded(0))?;
				if n == number {
					for c in list(&b["calls"], "calls").map_err(|m| ctx.diverge(m))? {
						run_call(&mut ctx, c, &mut summary)?;
					}
				}
				let before = System::events().len();
				AllPalletsWithSystem::on_finalize(n);
				let fin = if n == number { list(&b["finalize_events"], "finalize_events").map_err(|m| ctx.diverge(m))? } else { &quiet };
				compare_events(&ctx, "on_finalize", fin, &recorded(before))?;
				compare_state(&ctx, b, &accounts)?;
				summary.blocks += 1;
			}
		}
		Ok(summary)
	})
}
