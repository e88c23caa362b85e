// Type declarations of enos-ota-job, the types of the package's main entry
// ("enos-ota-job"); "enos-ota-job/web" and "enos-ota-job/node" re-export them from
// web.d.ts and node.d.ts. In Node the functions work at once and `init()` resolves
// immediately; in a browser `await init()` once before calling them.
// Every field, code and decision: https://github.com/enos-ota-job/enos-ota-job/blob/main/docs/rules.md

/** Any JSON value. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

// --- the request body ------------------------------------------------------------------

/** A name with translations: `{ defaultValue, i18nValue: { en_US: "...", zh_CN: "..." } }`. */
export interface StringI18n {
  defaultValue: string;
  i18nValue?: Record<string, string>;
}

/** One asset tree of a partial upgrade; no or empty `includedNodes` means the whole tree. */
export interface AssetTreeScope {
  treeId: string;
  includedNodes?: string[];
}

/** Which devices a job reaches. A partial upgrade names exactly one selector. */
export interface UpgradeScope {
  type: "total" | "partial";
  versionNumbers: string[];
  deviceKeys?: string[];
  attributes?: Record<string, JsonValue[]>;
  tags?: Record<string, string[]>;
  assetTrees?: AssetTreeScope[];
}

/** Retries of an upgrade job: interval 0..=86400 s and count 1..=5, both required when enabled. */
export interface RetryPolicy {
  enableRetry?: boolean;
  retryInterval?: number;
  retryCount?: number;
}

/** When an upgrade job runs: 13-digit millisecond timestamps, end after start. */
export interface SchedulePolicy {
  isRepeatDaily?: boolean;
  startTimestamp: number;
  endTimestamp: number;
  /** Minutes east of UTC (UTC+08:00 is 480) for the same-day rule of a daily window. */
  timezoneOffsetInMinutes?: number;
}

interface JobBodyCommon {
  /**
   * The editor's link to the JSON Schema of the body (`enos-ota-job/schema.json`). No
   * `unknown_field` warning; `normalize` keeps it; `buildRequest` leaves it out of the
   * body it sends.
   */
  $schema?: string;
  name?: StringI18n;
  /** Seconds, 300..=172800; 7200 when absent. */
  upgradeTimeout?: number;
}

/** An upgrade job (`type: "upgrade"`). */
export interface UpgradeJobBody extends JobBodyCommon {
  type: "upgrade";
  upgradeScope: UpgradeScope;
  /** `snapshot`: the device list is fixed at creation; `incremental`: devices that qualify later join. */
  upgradePolicy: "snapshot" | "incremental";
  enableUpgradeRequest: boolean;
  retryPolicy?: RetryPolicy;
  schedulePolicy?: SchedulePolicy;
  /** At least 1; 300 when absent. */
  maximumConcurrency?: number;
}

/** A verification job (`type: "verify"`): a partial scope selected by at most 5 device keys (by default). */
export interface VerifyJobBody extends JobBodyCommon {
  type: "verify";
  upgradeScope: UpgradeScope & { type: "partial"; deviceKeys: string[] };
}

/** The request body, discriminated on `type`. */
export type JobBody = UpgradeJobBody | VerifyJobBody;

/** A body as `normalize` returns it: every documented default written out. */
export type NormalizedJobBody =
  | (UpgradeJobBody & {
      upgradeTimeout: number;
      maximumConcurrency: number;
      retryPolicy: RetryPolicy & { enableRetry: boolean };
      schedulePolicy?: SchedulePolicy & { isRepeatDaily: boolean };
    })
  | (VerifyJobBody & { upgradeTimeout: number });

// --- options and report ----------------------------------------------------------------

/** What the caller knows of the target firmware. */
export interface FirmwareOptions {
  /** `false` gives `firmware_not_found` (EnOS 24404). */
  exists?: boolean | null;
  /** A version listed in `versionNumbers` gives `target_version_in_scope`. */
  version?: string | null;
  enableVerification?: boolean | null;
  /** With `enableVerification: true`, `false` gives `firmware_not_verified` (24610) for upgrade jobs. */
  verified?: boolean | null;
  /** The most device keys of a verify job (24612); 5 when absent. */
  maxAllowedForVerification?: number | null;
}

/** Options of every call. A bad option is an `invalid_option` error at `/options/...`; `null` means absent. */
export interface ValidateOptions {
  /** Language of the messages: `"en"` (default) or `"zh"`. */
  locale?: "en" | "zh" | null;
  /** Count every warning as an error. */
  strict?: boolean | null;
  /** Time zone of the same-day rule (minutes east of UTC, -720..=840) when the body has none. */
  utcOffsetMinutes?: number | null;
  firmware?: FirmwareOptions | null;
}

/** Codes that are warnings unless `strict` is set. Each code: https://github.com/enos-ota-job/enos-ota-job/blob/main/docs/rules.md#codes */
export type WarningCode =
  | "unknown_field"
  | "ignored_field"
  | "duplicate_value"
  | "schedule_too_short"
  | "numeric_string";

/** Codes that are always errors. */
export type ErrorCode =
  | "invalid_json"
  | "invalid_type"
  | "required"
  | "invalid_value"
  | "out_of_range"
  | "empty"
  | "too_many"
  | "duplicate_key"
  | "missing_selector"
  | "conflicting_selectors"
  | "selector_not_allowed"
  | "verify_requires_partial"
  | "too_many_device_keys"
  | "invalid_timestamp"
  | "end_before_start"
  | "not_same_day"
  | "firmware_not_found"
  | "firmware_not_verified"
  | "target_version_in_scope"
  | "invalid_option";

export type IssueCode = ErrorCode | WarningCode;

/**
 * One operation of an RFC 6902 JSON Patch, as `fix` carries them: move a member (a
 * misspelt field to its right name) or replace a value (a numeric string by its number).
 * Paths are JSON Pointers into the same document as the issue's `path`.
 */
export type JsonPatchOperation =
  | { op: "move"; from: string; path: string }
  | { op: "replace"; path: string; value: JsonValue };

/**
 * The optional members of every issue. An absent member means "not known". See
 * https://github.com/enos-ota-job/enos-ota-job/blob/main/docs/rules.md#issues
 */
export interface IssueDetails {
  /** 1-based line of the start of the value the issue is about. Only for reports made from JSON text (`validateJson`). */
  line?: number;
  /** 1-based column of its start, counted in Unicode characters (not bytes, not UTF-16 units). */
  column?: number;
  /** 1-based line of its end. */
  endLine?: number;
  /** 1-based column just after its end (the end is exclusive). */
  endColumn?: number;
  /** How to fix it, a sentence in the requested locale. */
  hint?: string;
  /** A JSON Patch that removes this issue and adds no error. Apply the operations in order. */
  fix?: JsonPatchOperation[];
}

/** A warning: the request is accepted, but probably not as meant. */
export interface ReportWarning extends IssueDetails {
  /** RFC 6901 JSON Pointer into the input (`""` is the root). */
  path: string;
  code: WarningCode;
  /** A sentence in the requested locale. */
  message: string;
}

/** An error. With `strict`, warnings come here too, with their own codes. */
export interface ReportError extends IssueDetails {
  /** RFC 6901 JSON Pointer into the input (`""` is the root). */
  path: string;
  code: IssueCode;
  /** A sentence in the requested locale. */
  message: string;
  /** The platform's error code (24404, 24610, 24611, 24612) or `null`. */
  enosCode: number | null;
}

/** Either kind of issue. */
export type Issue = ReportError | ReportWarning;

/** The outcome of a validation: every problem of the input, in a stable order. */
export interface Report {
  /** `true` exactly when `errors` is empty. */
  valid: boolean;
  errors: ReportError[];
  warnings: ReportWarning[];
}

// --- requests and responses ------------------------------------------------------------

export interface BuildRequestInput {
  /** Gateway host (`apim.example.com`, `host:8443`) or origin (`https://host`); without it the URL is a path. */
  apigwAddress?: string;
  orgId: string;
  firmwareId: string;
  body: unknown;
}

export interface HttpRequest {
  method: "POST";
  url: string;
  headers: Record<string, string>;
  /** The JSON text of the body as given (without a root `$schema`). */
  body: string;
}

export interface NormalizeResult {
  report: Report;
  /** Present only when the body is valid. */
  body?: NormalizedJobBody;
}

export interface BuildRequestResult {
  /** Paths are rooted at the input: `/orgId`, `/body/upgradeScope/...`. */
  report: Report;
  /** Present only when the input is valid. */
  request?: HttpRequest;
}

/** `error` of a failed response: the name of a known EnOS code, or why the response could not be read. */
export type ResponseErrorCode =
  | "invalid_json"
  | "invalid_response"
  | "firmware_not_found"
  | "firmware_not_verified"
  | "verify_requires_partial"
  | "too_many_device_keys";

export interface ResponseSuccess {
  ok: true;
  jobId: string;
  requestId?: string;
}

export interface ResponseFailure {
  ok: false;
  /** The envelope's `code`, or `null` when the text is not an EnOS envelope. */
  code: number | null;
  msg: string;
  requestId?: string;
  error?: ResponseErrorCode;
}

export type ResponseResult = ResponseSuccess | ResponseFailure;

// --- functions --------------------------------------------------------------------------

/** Validates a JS value as a request body. Never throws: values JSON cannot carry are `invalid_type` errors. */
export function validate(body: unknown, options?: ValidateOptions): Report;

/** Validates JSON text (duplicate keys and syntax errors included). */
export function validateJson(text: string, options?: ValidateOptions): Report;

/** Validates a body and, when it is valid, returns it with every default made explicit. */
export function normalize(body: unknown, options?: ValidateOptions): NormalizeResult;

/** Validates the query parameters and body and, when valid, returns the HTTP request to send. */
export function buildRequest(input: BuildRequestInput, options?: ValidateOptions): BuildRequestResult;

/** Reads the platform's answer (text, or the object of `await response.json()`). */
export function parseResponse(text: string | JsonValue): ResponseResult;

/**
 * What `init` accepts: the URL of `enos_ota_job_bg.wasm` (a string or `URL`), a
 * `Response` or its promise, the wasm bytes, or a compiled `WebAssembly.Module`.
 * Without it the browser build fetches the `.wasm` next to its JS file.
 */
export type InitInput = string | object;

/** Loads the WebAssembly module (browser build); resolves at once in Node. Call it once before the functions. */
export default function init(moduleOrPath?: InitInput | Promise<InitInput>): Promise<void>;

/** Synchronous `init` from wasm bytes or a compiled `WebAssembly.Module` (browser build); does nothing in Node. */
export function initSync(module: object): void;
