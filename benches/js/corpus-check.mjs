// The mixed corpus against its own intents, and the peers against enos-ota-job:
//   node benches/js/corpus-check.mjs [--json]
// Fails (exit 1) when enos-ota-job's verdict on a body (valid / warning / invalid) is not
// what the generator meant, or a planted code is missing from its report: the corpus
// would then not be the mix it claims. Ajv's and Zod's valid-vs-invalid verdicts are
// figures (agreement with enos-ota-job), not failures. run.mjs prints them with the table.
import { pathToFileURL } from "node:url";
import { mixedBodies, verdictOf } from "./corpus.mjs";
import { compileAjv } from "./ajv-peer.mjs";
import { schema } from "./zod-schema.mjs";

export async function checkCorpus() {
  const entry = process.env.ENOS_PKG ? pathToFileURL(`${process.env.ENOS_PKG}/node.js`) : new URL("../../pkg/node.js", import.meta.url);
  const { validate, validateJson } = await import(entry.href);
  const ajv = compileAjv();
  const corpus = mixedBodies();
  const problems = [];
  const counts = { valid: 0, warning: 0, invalid: 0 };
  const codes = {};
  const problemsPerInvalid = [0, 0, 0, 0];
  let ajvAgree = 0;
  let zodAgree = 0;
  const ajvMiss = [];
  const zodMiss = [];
  corpus.forEach(({ body, intent, codes: planted }, i) => {
    const text = JSON.stringify(body);
    const report = validateJson(text);
    const fromObject = validate(body);
    const verdict = verdictOf(report);
    counts[intent]++;
    if (intent === "invalid") problemsPerInvalid[planted.length]++;
    for (const c of planted) codes[c] = (codes[c] ?? 0) + 1;
    if (verdict !== intent) problems.push(`#${i}: meant ${intent} (${planted.join(", ")}), enos-ota-job says ${verdict}: ${text}`);
    if (verdictOf(fromObject) !== verdict) problems.push(`#${i}: validate(object) says ${verdictOf(fromObject)}, validateJson(text) ${verdict}`);
    const found = new Set([...report.errors, ...report.warnings].map((e) => e.code));
    for (const c of planted) if (!found.has(c)) problems.push(`#${i}: planted ${c}, not in the report: ${JSON.stringify(report)}`);
    const ours = report.valid;
    const a = ajv(JSON.parse(text));
    const z = schema.safeParse(JSON.parse(text)).success;
    if (a === ours) ajvAgree++;
    else ajvMiss.push({ i, ours, codes: [...found] });
    if (z === ours) zodAgree++;
    else zodMiss.push({ i, ours, codes: [...found] });
  });
  const bytes = corpus.reduce((n, { body }) => n + JSON.stringify(body).length, 0) / corpus.length;
  return { n: corpus.length, counts, codes, problemsPerInvalid, bytes, problems, ajvAgree, zodAgree, ajvMiss, zodMiss };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const r = await checkCorpus();
  if (process.argv.includes("--json")) console.log(JSON.stringify(r));
  else {
    console.log(`${r.n} bodies (${r.bytes.toFixed(0)} B avg): ${r.counts.valid} valid, ${r.counts.warning} with warnings, ${r.counts.invalid} invalid (1/2/3 problems: ${r.problemsPerInvalid.slice(1).join("/")})`);
    console.log("planted codes:", Object.entries(r.codes).sort((a, b) => b[1] - a[1]).map(([c, n]) => `${c} ${n}`).join(", "));
    console.log(`valid-vs-invalid agreement with enos-ota-job: Ajv ${r.ajvAgree}/${r.n}, Zod ${r.zodAgree}/${r.n}`);
    for (const m of r.ajvMiss.slice(0, 5)) console.log("  Ajv differs:", JSON.stringify(m));
    for (const m of r.zodMiss.slice(0, 5)) console.log("  Zod differs:", JSON.stringify(m));
    for (const p of r.problems.slice(0, 20)) console.log("PROBLEM", p);
  }
  if (r.problems.length) {
    console.error(`corpus-check: ${r.problems.length} bodies are not what the generator meant`);
    process.exit(1);
  }
}
