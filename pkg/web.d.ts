// Types of "enos-ota-job/web", the browser build (web.js, size-tuned WebAssembly). The
// functions and types are those of the main entry (index.d.ts); they throw an `Error`
// until `init()` has resolved or `initSync()` has run.
// Reference: https://github.com/enos-ota-job/enos-ota-job/blob/main/docs/rules.md
import type { InitInput } from "./index.js";

export * from "./index.js";

/**
 * Loads the WebAssembly module. Without an argument it fetches `dist/web/enos_ota_job_bg.wasm`
 * next to web.js (`new URL(..., import.meta.url)`, which Vite and webpack follow); else pass
 * its URL, a `Response`, the bytes or a compiled `WebAssembly.Module`. In Node, where
 * `fetch` cannot read `file:` URLs, pass the bytes:
 * `await init(await readFile(new URL("dist/web/enos_ota_job_bg.wasm", import.meta.resolve("enos-ota-job/web"))))`.
 * Calling it again returns the same promise.
 */
export default function init(moduleOrPath?: InitInput | Promise<InitInput>): Promise<void>;

/** Loads the WebAssembly module synchronously from its bytes or a compiled `WebAssembly.Module`. */
export function initSync(module: object): void;
