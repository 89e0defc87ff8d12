//! `cargo test` side of the conformance vectors: every vector of frame/vectors/index.json
//! replayed on the FRAME pallets; a planted divergence is named with its step and both values.

use dinfra_conformance::{run_vector, vectors_dir};
use serde_json::Value;
use std::collections::BTreeSet;

fn load(name: &str) -> Value {
	let path = vectors_dir().join(name);
	let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
	serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn index() -> Vec<String> {
	let index = load("index.json");
	assert_eq!(index["format"], 1, "frame/vectors/index.json: unknown format");
	index["vectors"].as_array().expect("index.json: vectors").iter().map(|v| v.as_str().unwrap().to_string()).collect()
}

#[test]
fn every_vector_passes_on_the_frame_pallets() {
	let names = index();
	assert!(!names.is_empty(), "frame/vectors/index.json lists no vector");
	let mut failures = Vec::new();
	let (mut calls, mut errors) = (BTreeSet::new(), BTreeSet::new());
	for name in &names {
		match run_vector(&load(name)) {
			Ok(s) => {
				println!(
					"{name}: {} blocks, {} calls ({} failing as expected), {} events: same as the TypeScript runtime",
					s.blocks, s.calls, s.failed_calls, s.events
				);
				calls.extend(s.calls_seen);
				errors.extend(s.errors_seen);
			},
			Err(d) => failures.push(d.to_string()),
		}
	}
	println!("{} vectors; {} distinct calls and {} distinct errors exercised", names.len(), calls.len(), errors.len());
	assert!(failures.is_empty(), "{} of {} vectors diverge:\n{}", failures.len(), names.len(), failures.join("\n"));
}

/// Every call and every error of the two pallets' metadata occurs in the vectors.
#[test]
fn the_vectors_cover_every_call_and_error() {
	use scale_info::{form::PortableForm, TypeDef};
	let mut calls = BTreeSet::new();
	let mut errors = BTreeSet::new();
	for name in index() {
		let v = load(&name);
		for b in v["blocks"].as_array().unwrap() {
			for c in b["calls"].as_array().unwrap() {
				calls.insert(format!("{}.{}", c["call"]["pallet"].as_str().unwrap(), c["call"]["name"].as_str().unwrap()));
				if let Some(e) = c["result"]["error"]["name"].as_str() {
					errors.insert(e.to_string());
				}
			}
		}
	}
	let variants = |pallet: &str, ty: scale_info::MetaType, kind: &str| -> Vec<String> {
		let mut registry = scale_info::Registry::new();
		let id = registry.register_type(&ty).id;
		let portable: scale_info::PortableRegistry = registry.into();
		let t = portable.resolve(id).unwrap().clone();
		let TypeDef::<PortableForm>::Variant(v) = t.type_def else { panic!("{pallet} {kind} is not an enum") };
		v.variants.iter().map(|x| format!("{pallet}.{}", x.name)).collect()
	};
	use dinfra_conformance::mock::Runtime;
	let want_calls = [
		variants("Providers", scale_info::meta_type::<pallet_dinfra_providers::Call<Runtime>>(), "calls"),
		variants("Subscriptions", scale_info::meta_type::<pallet_dinfra_subscriptions::Call<Runtime>>(), "calls"),
	]
	.concat();
	let want_errors = [
		variants("Providers", scale_info::meta_type::<pallet_dinfra_providers::Error<Runtime>>(), "errors"),
		variants("Subscriptions", scale_info::meta_type::<pallet_dinfra_subscriptions::Error<Runtime>>(), "errors"),
	]
	.concat();
	let missing: Vec<_> = want_calls.iter().filter(|c| !calls.contains(*c)).chain(want_errors.iter().filter(|e| !errors.contains(*e))).collect();
	println!("coverage: {} of {} calls, {} of {} errors", want_calls.len() - want_calls.iter().filter(|c| !calls.contains(*c)).count(), want_calls.len(), want_errors.len() - want_errors.iter().filter(|e| !errors.contains(*e)).count(), want_errors.len());
	assert!(missing.is_empty(), "not covered by any vector: {missing:?}");
}

/// A vector whose expected value was changed (a Settled amount one block's price higher, as if
/// the TypeScript runtime billed one block more) fails at that step, with both values.
#[test]
fn a_planted_divergence_is_named_with_its_step_and_both_values() {
	for name in index() {
		let mut v = load(&name);
		let mut planted = None;
		'find: for b in v["blocks"].as_array_mut().unwrap() {
			for c in b["calls"].as_array_mut().unwrap() {
				let step = c["step"].as_u64().unwrap();
				for e in c["events"].as_array_mut().unwrap() {
					if e["name"] == "Settled" && e["fields"]["amount"] != "0" {
						let hex = e["hex"].as_str().unwrap().to_string();
						// Flip a byte of the amount (after 0x, pallet, variant, id (8), provider (32)).
						let at = 2 + 2 * (2 + 8 + 32);
						let byte = u8::from_str_radix(&hex[at..at + 2], 16).unwrap() ^ 1;
						e["hex"] = Value::String(format!("{}{byte:02x}{}", &hex[..at], &hex[at + 2..]));
						planted = Some((step, e["hex"].as_str().unwrap().to_string(), hex));
						break 'find;
					}
				}
			}
		}
		let Some((step, wrong, right)) = planted else { continue };
		let err = run_vector(&v).expect_err("the planted divergence must fail the vector").to_string();
		println!("{err}");
		assert!(err.contains(&format!("step {step} (")), "names the step: {err}");
		assert!(err.contains(&wrong) && err.contains(&right), "shows both values: {err}");
		return;
	}
	panic!("no vector settles a non-zero amount in a call: nothing to plant");
}
