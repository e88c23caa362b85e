//! WebAssembly bindings (only conversion, no rule).
