// Expands JSON-LD files with the jsonld processor, offline (a document loader that refuses every request), and
// prints one JSON object per file: {"file", "nodes", "iris"} — the number of node objects in the expanded form and
// every IRI it uses (properties, types, @id values), sorted. On any error: {"file", "error"}, exit 1.
import jsonld from 'jsonld';
import { readFileSync } from 'node:fs';

const offline = async (url) => { throw new Error('remote document requested: ' + url); };

function collect(value, iris, counts) {
  if (Array.isArray(value)) { for (const item of value) collect(item, iris, counts); return; }
  if (value === null || typeof value !== 'object') return;
  if ('@value' in value) { if (typeof value['@type'] === 'string') iris.add(value['@type']); return; }
  if ('@id' in value) iris.add(value['@id']);
  if (Object.keys(value).some((k) => !k.startsWith('@')) || '@type' in value) counts.nodes++;
  for (const [key, inner] of Object.entries(value)) {
    if (key === '@type') { for (const t of [].concat(inner)) iris.add(t); continue; }
    if (!key.startsWith('@')) iris.add(key);
    collect(inner, iris, counts);
  }
}

let failed = false;
for (const file of process.argv.slice(2)) {
  try {
    const doc = JSON.parse(readFileSync(file, 'utf8'));
    const expanded = await jsonld.expand(doc, { documentLoader: offline, safe: true });
    const iris = new Set();
    const counts = { nodes: 0 };
    collect(expanded, iris, counts);
    const quads = await jsonld.toRDF(doc, { documentLoader: offline, format: 'application/n-quads', safe: true });
    console.log(JSON.stringify({ file, nodes: counts.nodes, quads: quads.split('\n').filter((l) => l.length > 0).length, iris: [...iris].sort() }));
  } catch (e) {
    failed = true;
    console.log(JSON.stringify({ file, error: String(e && e.message || e) + (e && e.details ? ' ' + JSON.stringify(e.details) : '') }));
  }
}
process.exit(failed ? 1 : 0);
