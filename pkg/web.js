// Browser entry: `await init()` once (it fetches dist/web/enos_ota_job_bg.wasm next to
// this file, or the module/URL/bytes you pass), then call the functions.
import wasmInit, { initSync as wasmInitSync } from "./dist/web/enos_ota_job.js";
import * as raw from "./dist/web/enos_ota_job.js";
import { createApi } from "./dist/web/api.js"; // api.js, minified by `make pkg`

let loaded = false;
let loading;

function ready() {
  if (!loaded) throw new Error("enos-ota-job: call `await init()` before using the functions");
}

export const { validate, validateJson, normalize, buildRequest, parseResponse } = createApi(raw, ready);

export default function init(moduleOrPath) {
  if (loading === undefined) {
    const arg = moduleOrPath === undefined ? undefined : { module_or_path: moduleOrPath };
    loading = wasmInit(arg).then(
      () => {
        loaded = true;
      },
      (e) => {
        loading = undefined;
        throw e;
      },
    );
  }
  return loading;
}

export function initSync(module) {
  if (!loaded) {
    wasmInitSync({ module });
    loaded = true;
  }
}
