// Node entry (Node >= 20.19; `require()` works too): the WebAssembly module, speed-tuned
// and carried as base64 in dist/node/enos_ota_job_bg.js, is compiled when this file is imported,
// so the functions work at once. `init()` exists only so that code written for the
// browser build (`await init()`) runs unchanged.
import * as raw from "./dist/node/enos_ota_job.js";
import { createApi } from "./api.js";

export const { validate, validateJson, normalize, buildRequest, parseResponse } = createApi(raw);

export default async function init() {}
export function initSync() {}
