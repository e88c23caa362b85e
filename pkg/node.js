// Node >= 18 entry: the WebAssembly module is compiled when this file is imported,
// so the functions work at once. `init()` exists only so that code written for the
// browser build (`await init()`) runs unchanged.
import * as raw from "./dist/node/enos_ota_job.js";
import { createApi } from "./api.js";

export const { validate, validateJson, normalize, buildRequest, parseResponse } = createApi(raw);

export default async function init() {}
export function initSync() {}
