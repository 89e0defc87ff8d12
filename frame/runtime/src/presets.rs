//! Genesis presets `dev` and `local`: the same accounts, balances, sudo key and Aura
//! authorities as dinfra-node's chain specs (runtime-specs/dev.json, local.json), so the
//! sidecars and tests see the same chain on both implementations. GRANDPA is dinfra-node's
//! own finality and has no pallet here.

use crate::RuntimeGenesisConfig;
use alloc::vec::Vec;
use serde_json::{json, Value};
use sp_genesis_builder::{PresetId, DEV_RUNTIME_PRESET, LOCAL_TESTNET_RUNTIME_PRESET};

/// 10^6 DIN for each endowed account, as in dinfra-node's specs.
const ENDOWMENT: u128 = 1_000_000_000_000_000_000;
const ALICE: &str = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY";
const BOB: &str = "5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty";

/// //Alice, //Bob, //Charlie, //Dave, //Eve, //Ferdie.
const WELL_KNOWN: [&str; 6] = [
	ALICE,
	BOB,
	"5FLSigC9HGRKVhB9FiEo4Y3koPsNmBmLJbpXg2mp1hXcS59Y",
	"5DAAnrj7VHTznn2AWBemMuyBwZWs6FNFjdyVXUeYum3PTXFy",
	"5HGjWAeFDfFCWPsjFQdVV2Msvz2XtMktvgocEZcCj68kUMaw",
	"5CiPPseXPECbkjWCa6MnjNokrgYjMqmKndv2rSnekmSK2DjL",
];

/// The six well-known accounts and their //stash accounts, in runtime-specs/dev.json's order.
const DEV_ENDOWED: [&str; 12] = [
	ALICE,
	"5GNJqTPyNqANBkUVMN1LPPrxXnFouWXoe2wNSmmEoLctxiZY",
	BOB,
	"5HpG9w8EBLe5XCrbczpwq5TSXvedjrBGCwqxK1iQ7qUsSWFc",
	"5FLSigC9HGRKVhB9FiEo4Y3koPsNmBmLJbpXg2mp1hXcS59Y",
	"5Ck5SLSHYac6WFt5UZRSsdJjwmpSZq85fd5TRNAdZQVzEAPT",
	"5DAAnrj7VHTznn2AWBemMuyBwZWs6FNFjdyVXUeYum3PTXFy",
	"5HKPmK9GYtE1PSLsS1qiYU9xQ9Si1NcEhdeCq9sw5bqu4ns8",
	"5HGjWAeFDfFCWPsjFQdVV2Msvz2XtMktvgocEZcCj68kUMaw",
	"5FCfAonRZgTFrTd9HREEyeJjDpT397KMzizE6T3DvebLFE7n",
	"5CiPPseXPECbkjWCa6MnjNokrgYjMqmKndv2rSnekmSK2DjL",
	"5CRmqmsiNFExV6VbdmPJViVxrWmkaXXvBrSX8oqBT8R9vmWk",
];

fn preset(endowed: &[&str], authorities: &[&str]) -> Value {
	let balances: Vec<Value> = endowed.iter().map(|a| json!([a, ENDOWMENT])).collect();
	json!({
		"balances": { "balances": balances },
		"sudo": { "key": ALICE },
		"aura": { "authorities": authorities },
	})
}

/// The JSON patch of preset `id` ("development" or "dev", "local_testnet" or "local") (against `RuntimeGenesisConfig::default()`).
pub fn get_preset(id: &PresetId) -> Option<Vec<u8>> {
	let patch = match id.as_str() {
		DEV_RUNTIME_PRESET | "dev" => preset(&DEV_ENDOWED, &[ALICE]),
		LOCAL_TESTNET_RUNTIME_PRESET | "local" => preset(&WELL_KNOWN, &[ALICE, BOB]),
		_ => return None,
	};
	Some(serde_json::to_string(&patch).expect("a JSON value serializes").into_bytes())
}

pub fn preset_names() -> Vec<PresetId> {
	[DEV_RUNTIME_PRESET, LOCAL_TESTNET_RUNTIME_PRESET, "dev", "local"].map(PresetId::from).to_vec()
}

// Keeps the type in scope for readers: presets patch this config.
#[allow(dead_code)]
type Patched = RuntimeGenesisConfig;
