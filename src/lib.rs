//! Placeholder while the core lands; see README.md.
#[cfg(target_arch = "wasm32")]
mod wasm;
