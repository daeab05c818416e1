#!/usr/bin/env node
// Tokenizes .policy files with the TextMate grammar ../policy.tmLanguage.json, the way VS Code does.
//
// Usage: node tokenize.js <file.policy> [...]
//
// Prints one JSON object per token to stdout (JSON Lines), in file and line order:
//   {"file":"a.policy","line":1,"start":0,"end":6,"text":"policy","scopes":["source.policy","keyword.other.structure.policy"]}
// "file" is the path as given; "line" is 1-based; "start"/"end" are UTF-16 code-unit columns within the
// line, end exclusive. Lines are split on \n and a trailing \r is stripped. Tokens whose text is only
// white space are left out. The rule stack is carried from line to line, so block comments span lines.
// On an unreadable file or a grammar that fails to load it prints one line to stderr and exits with 1.
'use strict';

const fs = require('fs');
const path = require('path');
const vsctm = require('vscode-textmate');
const oniguruma = require('vscode-oniguruma');

const GRAMMAR_PATH = path.join(__dirname, '..', 'policy.tmLanguage.json');
const SCOPE_NAME = 'source.policy';

function fail(message) {
  process.stderr.write(message.replace(/\s+/g, ' ').trim() + '\n');
  process.exit(1);
}

async function loadGrammar() {
  const wasmPath = require.resolve('vscode-oniguruma/release/onig.wasm');
  const wasm = fs.readFileSync(wasmPath);
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const onigLib = Promise.resolve({
    createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns),
    createOnigString: (text) => new oniguruma.OnigString(text),
  });
  const registry = new vsctm.Registry({
    onigLib,
    loadGrammar: async (scopeName) => {
      if (scopeName !== SCOPE_NAME) return null;
      const content = fs.readFileSync(GRAMMAR_PATH, 'utf8');
      return vsctm.parseRawGrammar(content, GRAMMAR_PATH);
    },
  });
  const grammar = await registry.loadGrammar(SCOPE_NAME);
  if (!grammar) throw new Error('no grammar for ' + SCOPE_NAME);
  return grammar;
}

function tokenizeFile(grammar, file, text, out) {
  const lines = text.split('\n');
  // A file ending in a line break has no further line after it.
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  let ruleStack = vsctm.INITIAL;
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i];
    if (line.endsWith('\r')) line = line.slice(0, -1);
    const result = grammar.tokenizeLine(line, ruleStack);
    for (const token of result.tokens) {
      const start = token.startIndex;
      const end = Math.min(token.endIndex, line.length);
      if (end <= start) continue;
      const tokenText = line.slice(start, end);
      if (tokenText.trim() === '') continue;
      out.push(JSON.stringify({ file, line: i + 1, start, end, text: tokenText, scopes: token.scopes }));
    }
    ruleStack = result.ruleStack;
  }
}

async function main(args) {
  if (args.length === 0) fail('usage: node tokenize.js <file.policy> [...]');
  let grammar;
  try {
    grammar = await loadGrammar();
  } catch (e) {
    fail('cannot load the grammar ' + GRAMMAR_PATH + ': ' + (e && e.message ? e.message : String(e)));
  }
  for (const file of args) {
    let text;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (e) {
      fail('cannot read ' + file + ': ' + (e && e.code ? e.code : e && e.message ? e.message : String(e)));
    }
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    const out = [];
    tokenizeFile(grammar, file, text, out);
    if (out.length > 0) process.stdout.write(out.join('\n') + '\n');
  }
}

main(process.argv.slice(2)).catch((e) => fail('tokenize failed: ' + (e && e.message ? e.message : String(e))));
