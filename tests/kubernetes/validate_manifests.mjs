// Checks the Kubernetes manifests of deploy/kubernetes/ (docs/distributed.md) without a cluster:
//   1. each document against the Job schema: kubernetes-models' validator (ajv, compiled from Kubernetes' OpenAPI
//      schema: types, required fields, formats) and its TypeScript types through the TypeScript compiler, whose
//      excess-property check rejects what the schema allows but Kubernetes' strict field validation refuses, a
//      misspelt field;
//   2. what saraban needs of them: an Indexed Job whose completions equal SARABAN_SHARDS, run with --resume, and a
//      merge Job that joins manifest-*-of-<completions>.json, on the same image and volume;
//   3. that the checks can fail: misspelt, mistyped and missing fields, and a shard count that disagrees, are
//      each rejected.
// Usage: node validate_manifests.mjs DIR (the folder of the manifests). Prints "N passed, M failed"; exit 1 on any.
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
let Job, ts, YAML;
try {
  ({ Job } = require("kubernetes-models/batch/v1/Job"));
  ts = require("typescript");
  YAML = require("yaml");
} catch (error) {
  console.error(`the checker's packages are missing (${error.message}): run scripts/setup.sh --tests`);
  process.exit(2);
}

// The schema's complaints about one Job, [] when it is valid.
function schemaErrors(doc) {
  try {
    new Job(doc).validate();
    return [];
  } catch (error) {
    return [error.message];
  }
}

// The TypeScript compiler's complaints about the documents as IJob literals, by document.
function typeErrors(docs) {
  const options = { strict: true, noEmit: true, skipLibCheck: true, module: ts.ModuleKind.NodeNext,
                    moduleResolution: ts.ModuleResolutionKind.NodeNext, target: ts.ScriptTarget.ES2020 };
  const source = (doc) => `import type { IJob } from "kubernetes-models/batch/v1/Job";\n` +
    `export const job: IJob = ${JSON.stringify(doc, null, 1)};\n`;
  const files = new Map(docs.map((doc, i) => [path.join(here, `manifest-${i}.ts`), source(doc)]));
  const host = ts.createCompilerHost(options);  // the files exist only in memory: nothing is written
  const { getSourceFile, fileExists, readFile } = host;
  host.getSourceFile = (name, language, ...rest) => files.has(name)
    ? ts.createSourceFile(name, files.get(name), language)
    : getSourceFile.call(host, name, language, ...rest);
  host.fileExists = (name) => files.has(name) || fileExists.call(host, name);
  host.readFile = (name) => files.get(name) ?? readFile.call(host, name);
  const program = ts.createProgram([...files.keys()], options, host);
  const byFile = docs.map(() => []);
  for (const d of ts.getPreEmitDiagnostics(program)) {
    const i = [...files.keys()].indexOf(d.file?.fileName);
    const text = ts.flattenDiagnosticMessageText(d.messageText, "\n");
    if (i < 0) throw new Error(`TypeScript: ${text}`);  // the types themselves did not load
    byFile[i].push(text);
  }
  return byFile;
}

// saraban's own rules for the pair of Jobs, as problems.
function recipeErrors(jobs) {
  const problems = [];
  const indexed = jobs.filter((j) => j.spec?.completionMode === "Indexed");
  const merge = jobs.filter((j) => j.spec?.completionMode !== "Indexed");
  if (indexed.length !== 1 || merge.length !== 1) return ["want one Indexed Job and one merge Job"];
  const [run] = indexed, [join] = merge;
  const runContainer = run.spec.template.spec.containers[0], joinContainer = join.spec.template.spec.containers[0];
  const shards = runContainer.env?.find((e) => e.name === "SARABAN_SHARDS")?.value;
  if (String(run.spec.completions) !== shards)
    problems.push(`completions ${run.spec.completions} but SARABAN_SHARDS ${shards}`);
  const args = [...(runContainer.command ?? []), ...(runContainer.args ?? [])];
  if (!args.includes("run") || !args.includes("--resume")) problems.push("the shard pods do not run with --resume");
  if (args.some((a) => a.startsWith("--shard"))) problems.push("the shard pods must take their index from the Job");
  const joinCommand = [...(joinContainer.command ?? []), ...(joinContainer.args ?? [])].join(" ");
  if (!joinCommand.includes(`manifest-*-of-${run.spec.completions}.json`))
    problems.push(`the merge does not join manifest-*-of-${run.spec.completions}.json: ${joinCommand}`);
  if (runContainer.image !== joinContainer.image) problems.push("the two Jobs use different images");
  const claim = (j) => j.spec.template.spec.volumes?.map((v) => v.persistentVolumeClaim?.claimName).join();
  if (claim(run) !== claim(join)) problems.push("the two Jobs mount different volumes");
  return problems;
}

// The problems of each set of Jobs, all type-checked in one compiler run (a run costs seconds).
function allErrors(sets) {
  const types = typeErrors(sets.flat());
  let next = 0;
  return sets.map((jobs) => jobs.map((j) => [...schemaErrors(j), ...types[next++]]).flat().concat(recipeErrors(jobs)));
}

const dir = process.argv[2];
const jobs = [];
for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(".yaml")).sort()) {
  for (const doc of YAML.parseAllDocuments(fs.readFileSync(path.join(dir, file), "utf8"))) {
    if (doc.errors.length) throw new Error(`${file}: ${doc.errors[0].message}`);
    jobs.push(doc.toJS());
  }
}
let passed = 0, failed = 0;
function check(name, ok, detail = "") {
  if (ok) ++passed;
  else ++failed;
  console.log(`${ok ? "ok" : "FAIL"}: ${name}${ok || !detail ? "" : `\n  ${detail}`}`);
}
check(`${dir}: two Jobs`, jobs.length === 2 && jobs.every((j) => j.apiVersion === "batch/v1" && j.kind === "Job"));

// Each spoilt copy must be refused, each by the check meant for it: the checks are not blind.
const run = (j) => j.find((x) => x.spec?.completionMode === "Indexed");
const join = (j) => j.find((x) => x.spec?.completionMode !== "Indexed");
const spoilt = {
  "a misspelt field (backofLimitPerIndex)": [(j) => { run(j).spec.backofLimitPerIndex = 2; }, "backofLimitPerIndex"],
  "a misspelt container field (imag)": [(j) => { join(j).spec.template.spec.containers[0].imag = "x"; },
                                        "'\"imag\"' does not exist"],
  "a number as text (completions: \"8\")": [(j) => { run(j).spec.completions = String(run(j).spec.completions); },
                                          "completions must be integer"],
  "a container without a name": [(j) => { delete run(j).spec.template.spec.containers[0].name; },
                                 "must have required property name"],
  "completions unlike SARABAN_SHARDS": [(j) => { run(j).spec.completions += 1; }, "completions 9 but SARABAN_SHARDS 8"],
  "a merge of another shard count": [(j) => {
    const merge = join(j).spec.template.spec.containers[0];
    merge.command[2] = merge.command[2].replace("-of-8", "-of-4");
  }, "does not join manifest-*-of-8.json"],
};
const copies = Object.values(spoilt).map(([spoil]) => {
  const copy = structuredClone(jobs);
  spoil(copy);
  return copy;
});
const [errors, ...spoiltErrors] = allErrors([jobs, ...copies]);
check("the manifests are valid Jobs and a complete recipe", errors.length === 0, errors.join("\n  "));
Object.entries(spoilt).forEach(([what, [, expected]], i) => {
  const found = spoiltErrors[i].join("\n  ");
  check(`refused: ${what}`, found.includes(expected), found || "no error");
});
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
