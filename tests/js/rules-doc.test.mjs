// docs/rules.md tells the truth: each example of its "Examples" section, run through the
// npm package's Node build, gets the issue the page shows (severity, path and code), and
// every code of the package's types has its example and its row in the codes table.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { validateJson } from "../../pkg/node.js";

const root = new URL("../../", import.meta.url);
const doc = readFileSync(new URL("docs/rules.md", root), "utf8");
const types = readFileSync(new URL("pkg/index.d.ts", root), "utf8");
const EXAMPLE = /^#### `([a-z_]+)`\n\n(?:[^\n]+\n\n)?```(?:json|text)\n(.+)\n```\n\n(?:options: `(.+)`\n\n)?→ (error|warning) at (the root|`([^`]*)`): `([a-z_]+)`/gm;

const codes = (name) =>
  [...types.slice(types.indexOf(`export type ${name} =`)).split(";")[0].matchAll(/"([a-z_]+)"/g)].map((m) => m[1]);

test("each example gets the issue docs/rules.md shows", () => {
  const examples = [...doc.matchAll(EXAMPLE)];
  assert.ok(examples.length >= 25, `only ${examples.length} examples parsed`);
  for (const [, heading, text, options, severity, , path = "", code] of examples) {
    assert.equal(heading, code, `the example under ${heading} shows ${code}`);
    const report = validateJson(text, options ? JSON.parse(options) : undefined);
    const list = severity === "error" ? report.errors : report.warnings;
    assert.ok(
      list.some((i) => i.path === path && i.code === code),
      `${code}: expected ${severity} at "${path}", got ${JSON.stringify(report)}`,
    );
  }
});

test("every code has an example and a row in the codes table", () => {
  const all = [...codes("ErrorCode"), ...codes("WarningCode")];
  assert.ok(all.length >= 25);
  for (const code of all) {
    assert.ok(doc.includes(`#### \`${code}\`\n`), `no example for ${code}`);
    assert.ok(doc.includes(`| [\`${code}\`](#${code}) |`), `no row for ${code} in the codes table`);
  }
});
