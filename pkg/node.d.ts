// Types of "enos-ota-job/node", the Node build (node.js, speed-tuned WebAssembly carried
// in the package as base64, so that server bundles need no file beside them). The
// functions and types are those of the main entry (index.d.ts); they work as soon as
// the import resolves.
// Reference: https://github.com/enos-ota-job/enos-ota-job/blob/main/docs/rules.md
import type { InitInput } from "./index.js";

export * from "./index.js";

/** Resolves at once: the module is ready when the import resolves. Kept so that code written for the browser build runs unchanged. */
export default function init(moduleOrPath?: InitInput | Promise<InitInput>): Promise<void>;

/** Does nothing (the module is already loaded). */
export function initSync(module?: object): void;
