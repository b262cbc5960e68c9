//! Embeds the index named by `DOSSIER_INDEX` into the wasm build (`include_bytes!` in
//! `src/wasm.rs`). Without it, the wasm carries an empty index and says so at run time.

use std::{env, fs, path::PathBuf};

fn main() {
    println!("cargo:rerun-if-env-changed=DOSSIER_INDEX");
    let out = PathBuf::from(env::var_os("OUT_DIR").expect("cargo sets OUT_DIR")).join("embedded.dsr");
    let wasm = env::var("CARGO_CFG_TARGET_ARCH").is_ok_and(|a| a == "wasm32");
    match env::var_os("DOSSIER_INDEX").filter(|p| wasm && !p.is_empty()) {
        Some(path) => {
            println!("cargo:rerun-if-changed={}", PathBuf::from(&path).display());
            if let Err(e) = fs::copy(&path, &out) {
                panic!("DOSSIER_INDEX={}: {e}", PathBuf::from(&path).display());
            }
        }
        None => fs::write(&out, b"").expect("write to OUT_DIR"),
    }
}
