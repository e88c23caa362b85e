// A TypeScript consumer of enos-ota-job, type-checked by `tsc --noEmit --strict` in the
// npm consumer test. The @ts-expect-error lines prove that the declarations reject what
// they should: tsc fails if any of them is not an error.
import init, {
  validate,
  validateJson,
  normalize,
  buildRequest,
  parseResponse,
  type JobBody,
  type UpgradeJobBody,
  type VerifyJobBody,
  type Report,
  type ReportError,
  type ReportWarning,
  type ValidateOptions,
  type ResponseResult,
  type HttpRequest,
  type NormalizedJobBody,
  type Issue,
  type JsonPatchOperation,
} from "enos-ota-job";
import initWeb, { initSync as initWebSync, validate as validateWeb, type Report as WebReport } from "enos-ota-job/web";
import initNode, { validateJson as validateJsonNode } from "enos-ota-job/node";

await init();

const body: JobBody = {
  type: "upgrade",
  upgradePolicy: "snapshot",
  enableUpgradeRequest: true,
  upgradeScope: { type: "partial", versionNumbers: ["1.0"], deviceKeys: ["d1", "d2"] },
  retryPolicy: { enableRetry: true, retryInterval: 600, retryCount: 3 },
  schedulePolicy: { startTimestamp: 1767225600000, endTimestamp: 1767232800000, timezoneOffsetInMinutes: 480 },
};

const verify: VerifyJobBody = {
  type: "verify",
  upgradeScope: { type: "partial", versionNumbers: ["1.0"], deviceKeys: ["d1"] },
};

// The union narrows on `type`.
function describe(job: JobBody): string {
  switch (job.type) {
    case "upgrade":
      return `${job.upgradePolicy} upgrade, request ${job.enableUpgradeRequest ? "on" : "off"}`;
    case "verify":
      return `verify ${job.upgradeScope.deviceKeys.length} device(s)`;
  }
}
describe(body);
describe(verify);

// @ts-expect-error an upgrade job needs upgradePolicy and enableUpgradeRequest
const missing: UpgradeJobBody = { type: "upgrade", upgradeScope: { type: "total", versionNumbers: ["1"] } };
// @ts-expect-error "upgrade" is not an upgradePolicy (it is the job type)
const policy: UpgradeJobBody = { ...body, type: "upgrade", upgradePolicy: "upgrade", enableUpgradeRequest: true };
// @ts-expect-error a verify job's scope is partial
const total: VerifyJobBody = { type: "verify", upgradeScope: { type: "total", versionNumbers: ["1"], deviceKeys: ["d"] } };
// @ts-expect-error "reboot" is not a job type
const reboot: JobBody = { type: "reboot", upgradeScope: { type: "total", versionNumbers: ["1"] } };
void [missing, policy, total, reboot];

const options: ValidateOptions = { locale: "zh", strict: false, utcOffsetMinutes: 480, firmware: { exists: true, maxAllowedForVerification: 10 } };
// @ts-expect-error only "en" and "zh"
const french: ValidateOptions = { locale: "fr" };
void french;

const report: Report = validate(body, options);
const first: ReportError | undefined = report.errors[0];
if (first !== undefined) {
  const enos: number | null = first.enosCode;
  const where: string = first.path;
  void [enos, where];
}
const w: ReportWarning | undefined = report.warnings[0];
// @ts-expect-error warnings have no enosCode
void w?.enosCode;
if (w !== undefined && w.code === "unknown_field") void w.message;

// Any value may be validated; text goes to validateJson.
validate(undefined);
validate(JSON.parse("{}") as unknown);
const fromText: boolean = validateJson('{"type":"verify"}').valid;
// @ts-expect-error validateJson takes text
validateJson(body);
void fromText;

const normalized = normalize(body);
if (normalized.body !== undefined) {
  const nb: NormalizedJobBody = normalized.body;
  const timeout: number = nb.upgradeTimeout;
  if (nb.type === "upgrade") {
    const concurrency: number = nb.maximumConcurrency;
    const retry: boolean = nb.retryPolicy.enableRetry;
    void [concurrency, retry];
  }
  void timeout;
}

const built = buildRequest({ apigwAddress: "apim.example.com", orgId: "o1", firmwareId: "f1", body });
if (built.request !== undefined) {
  const request: HttpRequest = built.request;
  const method: "POST" = request.method;
  const contentType: string | undefined = request.headers["Content-Type"];
  void [method, contentType];
}
// @ts-expect-error orgId is required
buildRequest({ firmwareId: "f1", body });

const response: ResponseResult = parseResponse('{"code":0,"msg":"OK","data":{"jobId":"j1"}}');
if (response.ok) {
  const jobId: string = response.jobId;
  void jobId;
} else {
  const code: number | null = response.code;
  // @ts-expect-error a failure has no jobId
  void response.jobId;
  void code;
}

// The optional members of an issue: a span (reports from JSON text), a hint and a fix.
const located: Report = validateJson('{"type": "upgrade", "upgradeTimeout": 60}');
for (const issue of [...located.errors, ...located.warnings] as Issue[]) {
  if (issue.line !== undefined && issue.column !== undefined) {
    const span: [number, number, number | undefined, number | undefined] = [issue.line, issue.column, issue.endLine, issue.endColumn];
    void span;
  }
  const hint: string | undefined = issue.hint;
  const ops: JsonPatchOperation[] = issue.fix ?? [];
  for (const op of ops) {
    switch (op.op) {
      case "move":
        void [op.from, op.path];
        break;
      case "replace":
        void [op.path, op.value];
        break;
    }
  }
  void hint;
}
// @ts-expect-error a fix is move or replace only
const remove: JsonPatchOperation = { op: "remove", path: "/x" };
// @ts-expect-error a move needs `from`
const move: JsonPatchOperation = { op: "move", path: "/x" };
void [remove, move];

// A job file with the editor's `$schema` member.
const withSchema: JobBody = { ...verify, $schema: "https://raw.githubusercontent.com/enos-ota-job/enos-ota-job/main/schema/create-ota-job.schema.json" };
validate(withSchema);

// The subpaths have their own declarations: the same functions, `init` and `initSync`.
await initWeb();
initWebSync(new Uint8Array(0));
const webReport: WebReport = validateWeb(body);
await initNode();
const nodeReport: Report = validateJsonNode("{}");
void [webReport, nodeReport];
