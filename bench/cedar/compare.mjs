// Compares the policy compiler with AWS Cedar (the @cedar-policy/cedar-wasm build for Node) on the same
// policy sets, translated to Cedar by the C# side.
//
// For every set listed in <dir>/sets.json it
//   - checks that Cedar parses the set's policy text, and times that parse (median of several runs);
//   - pre-parses the set once and asks Cedar for every request of the set, comparing Cedar's decision
//     with the one our compiler made (`expected`), and times those authorizations (median over passes);
//   - times `isAuthorized` with the policy text passed (and so parsed) on every call, on a few requests.
// It then reads our BenchmarkDotNet JSON reports and prints two ratios against their targets:
//   - our full compile of 10,000 statements vs Cedar's parse of the `synthetic-10000` set (ours must take at most
//     PARSE_TARGET_FRACTION of Cedar's time);
//   - our guard decision (GuardBenchmarks.MayProcess, .CheckProcess) vs Cedar's pre-parsed authorization
//     on the `eleven` set (ours at least 10,000x faster, and allocating nothing).
//
// Usage (Node 20+, after `npm ci` in this folder):
//   node compare.mjs --data <dir> --ours <report.json> [--ours <report2.json> ...] [--enforce]
// The --ours files are BenchmarkDotNet JSON reports (*-report-full-compressed.json or *-report-full.json).
//
// Exit code: 0 when everything agrees; 1 when any of Cedar's decisions disagrees with ours (or Cedar reports
// an error), when a set does not parse, and, with --enforce, when a target is missed or cannot be checked
// because a benchmark is missing from the reports; 2 on bad arguments or missing/unreadable input files.

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as cedar from '@cedar-policy/cedar-wasm/nodejs';

const PARSE_SET = 'synthetic-10000';
const PARSE_STATEMENTS = 10_000;
const PARSE_TARGET_FRACTION = 0.3; // our full compile at most 0.3x Cedar's parse of the same rules
const GUARD_SET = 'eleven';
const GUARD_METHODS = ['MayProcess', 'CheckProcess'];
const GUARD_TARGET_RATIO = 10_000;
const GUARD_TARGET_BYTES = 0;

const BIG_SET_POLICIES = 1_000; // from this many policies on, a set gets fewer parse runs
const PARSE_RUNS_BIG = 7;
const PARSE_RUNS_SMALL = 21;
const PARSE_WARMUP_NS = 0.5e9;
const AUTH_WARMUP_NS = 1e9;
const AUTH_BUDGET_NS = 1.5e9; // aim for about this much time over all timed authorization passes
const AUTH_MIN_PASSES = 3;
const AUTH_MAX_PASSES = 5_000;
const UNPARSED_MAX_REQUESTS = 20; // the subset timed with isAuthorized (policy text parsed on every call)
const UNPARSED_BUDGET_NS = 1e9;
const UNPARSED_MIN_CALLS = 3;
const MISMATCHES_SHOWN = 5;

const now = () => process.hrtime.bigint();

const USAGE = 'usage: node compare.mjs --data <dir> --ours <report.json> [--ours <report.json> ...] [--enforce]';

/** Bad arguments or unreadable inputs: exit code 2 with a one-line message. */
class InputError extends Error {}
/** A failure of what is being compared (e.g. Cedar cannot parse a set): exit code 1. */
class CheckError extends Error {}

// ---------------------------------------------------------------------------------------------------------
// Arguments and inputs

function parseArgs(argv) {
  const args = { data: null, ours: [], enforce: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const next = argv[++i];
      if (next === undefined || next.startsWith('--')) throw new InputError(`${arg} needs a value; ${USAGE}`);
      return next;
    };
    if (arg === '--data') args.data = value();
    else if (arg === '--ours') args.ours.push(value());
    else if (arg === '--enforce') args.enforce = true;
    else if (arg === '--help' || arg === '-h') { console.log(USAGE); process.exit(0); }
    else throw new InputError(`unknown argument '${arg}'; ${USAGE}`);
  }
  if (args.data === null) throw new InputError(`--data is required; ${USAGE}`);
  if (args.ours.length === 0) throw new InputError(`at least one --ours report is required; ${USAGE}`);
  return args;
}

function readText(file, what) {
  if (!existsSync(file)) throw new InputError(`${what} not found: ${file}`);
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    throw new InputError(`cannot read ${what} ${file}: ${e.message}`);
  }
}

function readJson(file, what) {
  const text = readText(file, what);
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new InputError(`${what} is not valid JSON: ${file}: ${e.message}`);
  }
}

function loadSets(dataDir) {
  if (!existsSync(dataDir)) throw new InputError(`data folder not found: ${dataDir}`);
  const file = path.join(dataDir, 'sets.json');
  const sets = readJson(file, 'set list');
  if (!Array.isArray(sets)) throw new InputError(`${file}: expected an array of sets`);
  return sets.map((set, i) => {
    const where = `${file}: set ${i}`;
    if (set === null || typeof set !== 'object') throw new InputError(`${where} is not an object`);
    for (const key of ['name', 'policies', 'requests']) {
      if (typeof set[key] !== 'string' || set[key] === '') throw new InputError(`${where}: '${key}' must be a non-empty string`);
    }
    if (!Number.isInteger(set.rules)) throw new InputError(`${where} (${set.name}): 'rules' must be an integer`);
    const policiesFile = path.resolve(dataDir, set.policies);
    const requestsFile = path.resolve(dataDir, set.requests);
    for (const [file, what] of [[policiesFile, 'policy text'], [requestsFile, 'request list']]) {
      if (!existsSync(file)) throw new InputError(`${what} of set '${set.name}' not found: ${file}`);
    }
    return { name: set.name, rules: set.rules, policiesFile, requestsFile };
  });
}

function loadRequests(file) {
  const requests = readJson(file, 'request list');
  if (!Array.isArray(requests)) throw new InputError(`${file}: expected an array of requests`);
  requests.forEach((r, i) => {
    if (r === null || typeof r !== 'object') throw new InputError(`${file}: request ${i} is not an object`);
    if (typeof r.expected !== 'boolean') throw new InputError(`${file}: request ${i}: 'expected' must be true or false`);
  });
  return requests;
}

// ---------------------------------------------------------------------------------------------------------
// Cedar

function formatCedarErrors(errors, text, limit = 5) {
  const lines = errors.slice(0, limit).map((e) => {
    const loc = (e.sourceLocations ?? [])[0];
    let where = '';
    if (loc && text !== undefined) {
      const before = text.slice(0, loc.start);
      const line = before.split('\n').length;
      const column = loc.start - before.lastIndexOf('\n');
      const snippet = text.slice(loc.start, Math.min(loc.end > loc.start ? loc.end : loc.start + 40, loc.start + 80));
      where = ` at line ${line}, column ${column}${loc.label ? ` (${loc.label})` : ''}: ${JSON.stringify(snippet)}`;
    }
    return `  - ${e.message}${e.help ? ` [help: ${e.help}]` : ''}${where}`;
  });
  if (errors.length > limit) lines.push(`  ... and ${errors.length - limit} more`);
  return lines.join('\n');
}

function assertParses(set, text) {
  const answer = cedar.checkParsePolicySet({ staticPolicies: text });
  if (answer.type !== 'success') {
    throw new CheckError(`Cedar cannot parse set '${set.name}' (${set.policiesFile}):\n${formatCedarErrors(answer.errors, text)}`);
  }
}

function splitPolicies(set, text) {
  const answer = cedar.policySetTextToParts(text);
  if (answer.type !== 'success') {
    throw new CheckError(`Cedar cannot split set '${set.name}' into policies:\n${formatCedarErrors(answer.errors, text)}`);
  }
  if (answer.policy_templates.length > 0) {
    console.log(`note: set '${set.name}' has ${answer.policy_templates.length} template(s); they are not counted as policies`);
  }
  return answer.policies;
}

function preparse(set, text) {
  const answer = cedar.preparsePolicySet(set.name, { staticPolicies: text });
  if (answer.type !== 'success') {
    throw new CheckError(`Cedar cannot pre-parse set '${set.name}':\n${formatCedarErrors(answer.errors, text)}`);
  }
}

/**
 * Cedar names the policies of a text policy0, policy1, ... in text order (the @id annotation is only an
 * annotation); policySetTextToParts returns them sorted by that name as a string (policy0, policy1, policy10, ...).
 * This turns Cedar's names into "policyN @id(...)" for printing mismatches; it does the work only when called.
 */
function makePolicyLabeler(parts) {
  let sortedIds = null;
  return (policyId) => {
    sortedIds ??= parts.map((_, i) => `policy${i}`).sort();
    const k = sortedIds.indexOf(policyId);
    const json = k < 0 ? null : cedar.policyToJson(parts[k]);
    const annotation = json?.type === 'success' ? json.json.annotations?.id : undefined;
    return annotation === undefined ? policyId : `${policyId} @id(${JSON.stringify(annotation)})`;
  };
}

function requestFields(request) {
  return {
    principal: request.principal,
    action: request.action,
    resource: request.resource,
    context: request.context ?? {}, // JSON arrays in it are Cedar sets as they are
    entities: [], // required by the call shapes: omitting it throws "missing field `entities`"
  };
}

const statefulCall = (setId) => (request) => ({ ...requestFields(request), preparsedPolicySetId: setId });
const unparsedCall = (text) => (request) => ({ ...requestFields(request), policies: { staticPolicies: text } });

/**
 * One authorization, as { decision: 'allow' | 'deny' | null, reasons, errors, failures }: reasons and errors
 * carry Cedar's policy ids (policyN); failures are texts (a failed answer or a thrown call).
 */
function authorize(authorizeFn, call) {
  let answer;
  try {
    answer = authorizeFn(call);
  } catch (e) {
    return { decision: null, reasons: [], errors: [], failures: [`threw: ${e.message}`] };
  }
  if (answer.type !== 'success') {
    return { decision: null, reasons: [], errors: [], failures: answer.errors.map((e) => e.message) };
  }
  const { decision, diagnostics } = answer.response;
  return { decision, reasons: diagnostics.reason, errors: diagnostics.errors, failures: [] };
}

/** Cedar disagrees when it decides otherwise, gives no decision, or reports an error while deciding. */
const disagrees = (request, outcome) =>
  outcome.decision === null || (outcome.decision === 'allow') !== request.expected || outcome.errors.length > 0;

const decisionSummary = (total, mismatches) => ({ agree: total - mismatches.length, total, mismatches });

/** Checks every request against the pre-parsed set; returns the decision summary and the pass's duration. */
function checkDecisions(requests, calls) {
  const mismatches = [];
  const start = now();
  requests.forEach((request, index) => {
    const outcome = authorize(cedar.statefulIsAuthorized, calls[index]);
    if (disagrees(request, outcome)) mismatches.push({ index, request, outcome });
  });
  return { decisions: decisionSummary(requests.length, mismatches), passNs: Number(now() - start) };
}

// ---------------------------------------------------------------------------------------------------------
// Timing

function median(values) {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Runs fn at least once and until minNs have passed; returns the shortest run's duration (ns). */
function repeatFor(minNs, fn) {
  const start = now();
  let shortest = Infinity;
  do {
    const t0 = now();
    fn();
    shortest = Math.min(shortest, Number(now() - t0));
  } while (Number(now() - start) < minNs);
  return shortest;
}

/** `count` items spread evenly over the list (the whole list when count covers it). */
function evenSample(list, count) {
  if (count >= list.length) return list;
  return Array.from({ length: count }, (_, i) => list[Math.floor((i * list.length) / count)]);
}

function parseOnce(text) {
  const answer = cedar.checkParsePolicySet({ staticPolicies: text });
  if (answer.type !== 'success') throw new CheckError('Cedar parse failed during timing');
}

/** Median parse time (ns) after a warm-up; Cedar's wasm code runs slower until V8 has optimized it. */
function timeParse(text, runs) {
  repeatFor(PARSE_WARMUP_NS, () => parseOnce(text));
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = now();
    parseOnce(text);
    times.push(Number(now() - start));
  }
  return median(times);
}

/** Runs the call list once against the pre-parsed set; returns the pass's duration (ns). */
function runPass(calls) {
  let allowed = 0;
  const start = now();
  for (const call of calls) {
    if (cedar.statefulIsAuthorized(call).response?.decision === 'allow') allowed++;
  }
  const elapsed = Number(now() - start);
  if (allowed > calls.length) throw new Error('unreachable'); // keeps the answers in use
  return elapsed;
}

/**
 * Pre-parsed authorization: after warm-up passes (the decision check counts as the first), R passes over
 * the request list, R sized so that all passes take about AUTH_BUDGET_NS; returns the median over passes
 * of the time per request. When even AUTH_MIN_PASSES passes of the whole list would take longer than that
 * (big sets with many requests), the passes run over fewer requests, spread evenly over the list.
 */
function timeAuthorization(calls, checkPassNs) {
  if (calls.length === 0) return { medianNs: null, passes: 0, timed: 0 };
  let passNs = checkPassNs;
  if (checkPassNs < AUTH_WARMUP_NS) passNs = repeatFor(AUTH_WARMUP_NS - checkPassNs, () => runPass(calls));
  const perCallNs = passNs / calls.length;
  const sample = evenSample(calls, Math.max(1, Math.floor(AUTH_BUDGET_NS / (AUTH_MIN_PASSES * perCallNs))));
  const passes = Math.min(AUTH_MAX_PASSES, Math.max(AUTH_MIN_PASSES, Math.ceil(AUTH_BUDGET_NS / (perCallNs * sample.length))));
  const perRequest = [];
  for (let i = 0; i < passes; i++) perRequest.push(runPass(sample) / sample.length);
  return { medianNs: median(perRequest), passes, timed: sample.length };
}

/**
 * isAuthorized with the policy text passed (so parsed) on every call, on the first requests until
 * UNPARSED_BUDGET_NS has passed (at least UNPARSED_MIN_CALLS); checks those decisions too.
 */
function checkAndTimeUnparsed(requests, text) {
  const calls = requests.slice(0, UNPARSED_MAX_REQUESTS).map(unparsedCall(text));
  const times = [];
  const mismatches = [];
  if (calls.length > 0) cedar.isAuthorized(calls[0]); // warm-up
  const start = now();
  for (let index = 0; index < calls.length; index++) {
    if (index >= UNPARSED_MIN_CALLS && Number(now() - start) >= UNPARSED_BUDGET_NS) break;
    const t0 = now();
    const outcome = authorize(cedar.isAuthorized, calls[index]);
    times.push(Number(now() - t0));
    if (disagrees(requests[index], outcome)) mismatches.push({ index, request: requests[index], outcome });
  }
  return { medianNs: median(times), decisions: decisionSummary(times.length, mismatches) };
}

// ---------------------------------------------------------------------------------------------------------
// One set

function progress(message) {
  if (process.stderr.isTTY) process.stderr.write(`${message}\n`);
}

function loadSetInputs(set) {
  return { set, text: readText(set.policiesFile, `policy text of set '${set.name}'`), requests: loadRequests(set.requestsFile) };
}

function measureSet({ set, text, requests }) {
  progress(`${set.name}: parsing`);
  assertParses(set, text);
  const parts = splitPolicies(set, text);
  const parseNs = timeParse(text, parts.length >= BIG_SET_POLICIES ? PARSE_RUNS_BIG : PARSE_RUNS_SMALL);

  progress(`${set.name}: authorizing ${requests.length} request(s)`);
  preparse(set, text);
  const calls = requests.map(statefulCall(set.name));
  const { decisions, passNs } = checkDecisions(requests, calls);
  const auth = timeAuthorization(calls, passNs);

  progress(`${set.name}: authorizing with the policy text re-parsed on every call`);
  const unparsed = checkAndTimeUnparsed(requests, text);

  return { set, policies: parts.length, label: makePolicyLabeler(parts), parseNs, decisions, auth, unparsed };
}

// ---------------------------------------------------------------------------------------------------------
// Our BenchmarkDotNet reports

function loadReports(files) {
  const entries = [];
  for (const file of files) {
    const report = readJson(file, 'BenchmarkDotNet report');
    if (report === null || typeof report !== 'object' || !Array.isArray(report.Benchmarks)) {
      throw new InputError(`${file}: not a BenchmarkDotNet JSON report (no 'Benchmarks' array)`);
    }
    for (const benchmark of report.Benchmarks) entries.push({ file, benchmark });
  }
  return entries;
}

/** Parameters as a map: from "Statements=10000&X=y", or else from FullName's "(Statements: 10000, X: y)". */
function parametersOf(benchmark) {
  const params = new Map();
  const add = (name, value) => params.set(name.trim(), value.trim().replace(/[_,\s]/g, ''));
  const text = typeof benchmark.Parameters === 'string' ? benchmark.Parameters.trim() : '';
  if (text !== '') {
    for (const pair of text.split('&')) {
      const at = pair.search(/[=:]/);
      if (at > 0) add(pair.slice(0, at), pair.slice(at + 1));
    }
    return params;
  }
  const inParens = /\(([^()]*)\)\s*$/.exec(benchmark.FullName ?? '');
  if (inParens) {
    for (const match of inParens[1].matchAll(/(\w+)\s*[:=]\s*([^,]+)/g)) add(match[1], match[2]);
  }
  return params;
}

const typeMatches = (actual, wanted) =>
  typeof actual === 'string' && (actual === wanted || actual.endsWith(`.${wanted}`) || actual.endsWith(`+${wanted}`));

/**
 * Finds one benchmark. Returns { name, found: false, why } or
 * { name, found: true, medianNs, bytes (number | null), note }.
 */
function findBenchmark(entries, type, method, wantedParams = {}) {
  const paramText = Object.entries(wantedParams).map(([k, v]) => `${k}=${v}`).join(', ');
  const name = `${type}.${method}${paramText ? ` (${paramText})` : ''}`;
  const sameMethod = entries.filter(({ benchmark }) => typeMatches(benchmark.Type, type) && benchmark.Method === method);
  const matches = sameMethod.filter(({ benchmark }) => {
    const params = parametersOf(benchmark);
    return Object.entries(wantedParams).every(([k, v]) => params.get(k) === String(v));
  });
  if (matches.length === 0) {
    const seen = sameMethod.map(({ benchmark }) => JSON.stringify(benchmark.Parameters ?? '')).join(', ');
    return { name, found: false, why: sameMethod.length === 0 ? 'not in the reports' : `not in the reports (only with Parameters ${seen})` };
  }
  const { file, benchmark } = matches[0];
  const medianNs = benchmark.Statistics?.Median;
  if (typeof medianNs !== 'number') return { name, found: false, why: `in ${file} but without statistics (did it fail?)` };
  const bytes = benchmark.Memory?.BytesAllocatedPerOperation;
  const note = matches.length > 1 ? `${matches.length} entries matched; using the first, from ${path.basename(file)}` : null;
  return { name, found: true, medianNs, bytes: typeof bytes === 'number' ? bytes : null, note };
}

// ---------------------------------------------------------------------------------------------------------
// Output

function group(digits) {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function formatNumber(value, decimals) {
  if (value === null || value === undefined || !Number.isFinite(value)) return 'n/a';
  const [whole, fraction] = value.toFixed(decimals).split('.');
  return fraction === undefined ? group(whole) : `${group(whole)}.${fraction}`;
}

const ms = (ns) => formatNumber(ns === null ? null : ns / 1e6, 3);
const us = (ns) => formatNumber(ns === null ? null : ns / 1e3, 2);
const nsText = (ns) => formatNumber(ns, ns !== null && ns < 100 ? 3 : 1);
const ratioText = (r) => `${formatNumber(r, r < 100 ? 2 : 0)}x`;

function printTable(headers, rows, alignRight) {
  const widths = headers.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const line = (cells) => cells.map((cell, c) => (alignRight[c] ? cell.padStart(widths[c]) : cell.padEnd(widths[c]))).join('  ').trimEnd();
  console.log(line(headers));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));
}

function printSetTable(results) {
  printTable(
    ['set', 'rules', 'Cedar policies', 'parse median (ms)', 'authorization median (µs)', 'decisions agreeing'],
    results.map((r) => [
      r.set.name,
      group(String(r.set.rules)),
      group(String(r.policies)),
      ms(r.parseNs),
      us(r.auth.medianNs),
      `${r.decisions.agree}/${r.decisions.total}`,
    ]),
    [false, true, true, true, true, true],
  );
  console.log('(parse: checkParsePolicySet of the whole text, median of runs after warm-up; authorization: statefulIsAuthorized');
  console.log(' against the pre-parsed set, median over passes of the time per request, after warm-up)');
  for (const r of results) {
    const { auth, unparsed } = r;
    console.log(`${r.set.name}:`);
    console.log(`  pre-parsed authorization timed on ${auth.timed} of ${r.decisions.total} request(s) x ${auth.passes} pass(es)`);
    console.log(
      `  isAuthorized with the policy text re-parsed on every call (not pre-parsed): median ${us(unparsed.medianNs)} µs per call ` +
        `over the first ${unparsed.decisions.total} request(s); decisions agreeing ${unparsed.decisions.agree}/${unparsed.decisions.total}`,
    );
  }
}

function printMismatches(result, decisions, what) {
  if (decisions.mismatches.length === 0) return;
  console.log(`\nMISMATCHES in set '${result.set.name}' (${what}): ${decisions.mismatches.length} of ${decisions.total}`);
  for (const { index, request, outcome } of decisions.mismatches.slice(0, MISMATCHES_SHOWN)) {
    console.log(`  request #${index} of ${result.set.requestsFile}:`);
    console.log(`    request: ${JSON.stringify(request)}`);
    console.log(`    ours:    ${request.expected ? 'allow' : 'deny'}`);
    const because = outcome.reasons.length > 0 ? ` (determined by ${outcome.reasons.map(result.label).join(', ')})` : '';
    console.log(`    Cedar:   ${outcome.decision ?? 'no decision'}${because}`);
    for (const e of outcome.errors) console.log(`    Cedar error in ${result.label(e.policyId)}: ${e.error.message}`);
    for (const failure of outcome.failures) console.log(`    Cedar failure: ${failure}`);
  }
  if (decisions.mismatches.length > MISMATCHES_SHOWN) {
    console.log(`  ... and ${decisions.mismatches.length - MISMATCHES_SHOWN} more`);
  }
}

/** A target's outcome: met true/false, or null when it cannot be checked. */
function target(label, met, detail) {
  console.log(`    ${label}: ${detail} — ${met === null ? 'CANNOT CHECK' : met ? 'met' : 'MISSED'}`);
  return { label, met };
}

function compareParse(results, entries) {
  console.log(`  full compile of ${group(String(PARSE_STATEMENTS))} statements (ours) vs Cedar parse of the ${group(String(PARSE_STATEMENTS))}-rule set (${PARSE_SET}):`);
  const ours = findBenchmark(entries, 'PipelineBenchmarks', 'FullCompile', { Statements: PARSE_STATEMENTS });
  const set = results.find((r) => r.set.name === PARSE_SET);
  if (!ours.found) console.log(`    ours: ${ours.name} ${ours.why}`);
  else if (ours.note) console.log(`    ours: ${ours.note}`);
  if (!set) console.log(`    Cedar: no set named '${PARSE_SET}' in sets.json`);
  else if (set.set.rules < PARSE_STATEMENTS) console.log(`    warning: set '${PARSE_SET}' has only ${group(String(set.set.rules))} rules, fewer than the ${group(String(PARSE_STATEMENTS))} statements we compile`);
  else if (set.set.rules !== PARSE_STATEMENTS) console.log(`    note: set '${PARSE_SET}' has ${group(String(set.set.rules))} rules (Cedar parses at least as many rules as we compile statements)`);
  const label = `target ours <= ${PARSE_TARGET_FRACTION}x Cedar`;
  if (!ours.found || !set) return [target(label, null, 'missing data')];
  const ratio = set.parseNs / ours.medianNs;
  return [
    target(
      label,
      ours.medianNs <= PARSE_TARGET_FRACTION * set.parseNs,
      `ours ${ms(ours.medianNs)} ms, Cedar ${ms(set.parseNs)} ms, ours/Cedar ${formatNumber(ours.medianNs / set.parseNs, 2)}x, ratio Cedar/ours ${ratioText(ratio)}`,
    ),
  ];
}

function compareGuard(results, entries) {
  const set = results.find((r) => r.set.name === GUARD_SET);
  const cedarNs = set ? set.auth.medianNs : null;
  console.log(`  guard decision (ours) vs Cedar authorization, pre-parsed (${GUARD_SET} set): Cedar ${set ? `${nsText(cedarNs)} ns` : `n/a (no set named '${GUARD_SET}' in sets.json)`}`);
  const outcomes = [];
  for (const method of GUARD_METHODS) {
    const ours = findBenchmark(entries, 'GuardBenchmarks', method);
    if (!ours.found) {
      console.log(`    ${method}: ${ours.name} ${ours.why}`);
      outcomes.push({ label: `${method} ratio`, met: null }, { label: `${method} allocation`, met: null });
      continue;
    }
    if (ours.note) console.log(`    ${method}: ${ours.note}`);
    if (cedarNs === null) {
      outcomes.push(target(`${method} target >= ${group(String(GUARD_TARGET_RATIO))}x`, null, `ours ${nsText(ours.medianNs)} ns, Cedar n/a`));
    } else {
      const ratio = cedarNs / ours.medianNs;
      outcomes.push(
        target(
          `${method} target >= ${group(String(GUARD_TARGET_RATIO))}x`,
          ratio >= GUARD_TARGET_RATIO,
          `ours ${nsText(ours.medianNs)} ns, Cedar ${nsText(cedarNs)} ns, ratio Cedar/ours ${ratioText(ratio)}`,
        ),
      );
    }
    outcomes.push(
      target(
        `${method} allocation target ${GUARD_TARGET_BYTES} B`,
        ours.bytes === null ? null : ours.bytes <= GUARD_TARGET_BYTES,
        ours.bytes === null ? 'ours: allocation not reported (no MemoryDiagnoser?)' : `ours ${group(String(ours.bytes))} B allocated per decision`,
      ),
    );
  }
  return outcomes;
}

// ---------------------------------------------------------------------------------------------------------
// Main

function main() {
  const args = parseArgs(process.argv.slice(2));
  const dataDir = path.resolve(args.data);
  const inputs = loadSets(dataDir).map(loadSetInputs);
  const entries = loadReports(args.ours);

  console.log(`Cedar ${cedar.getCedarVersion()} (language ${cedar.getCedarLangVersion()}, @cedar-policy/cedar-wasm ${cedar.getCedarSDKVersion()}), Node ${process.version}`);
  console.log(`data: ${dataDir}`);
  for (const file of args.ours) console.log(`ours: ${path.resolve(file)}`);
  console.log('');

  const results = inputs.map(measureSet);
  printSetTable(results);
  for (const r of results) {
    printMismatches(r, r.decisions, 'statefulIsAuthorized, pre-parsed');
    printMismatches(r, r.unparsed.decisions, 'isAuthorized, policy text re-parsed');
  }

  console.log('\nRatios (median against median)');
  const targets = [...compareParse(results, entries), ...compareGuard(results, entries)];

  const preparsedDisagreements = results.reduce((n, r) => n + r.decisions.mismatches.length, 0);
  const unparsedDisagreements = results.reduce((n, r) => n + r.unparsed.decisions.mismatches.length, 0);
  const disagreements = preparsedDisagreements + unparsedDisagreements;
  const missed = targets.filter((t) => t.met === false).length;
  const unknown = targets.filter((t) => t.met === null).length;
  console.log(
    `\nsummary: ${preparsedDisagreements} disagreeing decision(s) pre-parsed, ${unparsedDisagreements} with the policy text re-parsed; ` +
      `targets ${targets.length - missed - unknown} met, ${missed} missed, ${unknown} cannot be checked${args.enforce ? ' (enforced)' : ' (not enforced)'}`,
  );
  if (disagreements > 0) return 1;
  if (args.enforce && missed + unknown > 0) return 1;
  return 0;
}

try {
  process.exitCode = main();
} catch (e) {
  if (e instanceof InputError) {
    console.error(`error: ${e.message}`);
    process.exitCode = 2;
  } else if (e instanceof CheckError) {
    console.error(`FAILED: ${e.message}`);
    process.exitCode = 1;
  } else {
    throw e;
  }
}
