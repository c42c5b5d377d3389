#!/usr/bin/env node
// Parses Bicep files with tree-sitter-bicep (WebAssembly, no native build) for the deploy tests.
//   node parse.js check FILE...  prints each ERROR or MISSING node as FILE:LINE:COL and exits 1 if any
//   node parse.js tree FILE...   prints the syntax trees as JSON for the tests to query
// Exit codes: 0 fine, 1 syntax errors, 2 usage or I/O problem.
// There is no Bicep compiler here; this catches syntax only, `az bicep build` in CI checks the rest.
// Known grammar quirk (tree-sitter-bicep 1.1.0): a string literal that is exactly '//' reads as a comment,
// so split on '/' instead; URLs such as 'https://...' parse fine.
"use strict";
const fs = require("fs");
const path = require("path");

const modules = path.join(__dirname, "node_modules");
const runtime = path.join(modules, "web-tree-sitter", "tree-sitter.cjs");
const grammar = path.join(modules, "tree-sitter-bicep", "tree-sitter-bicep.wasm");

function fail(message) {
  process.stderr.write(`bicep-parse: ${message}\n`);
  process.exit(2);
}

// Problems are reported where the parser gave up; an ERROR's text is cut to keep lines readable.
function problems(file, root) {
  const found = [];
  const cursor = root.walk();
  let done = false;
  while (!done) {
    const node = cursor.currentNode;
    if (node.isMissing || node.type === "ERROR") {
      const where = `${file}:${node.startPosition.row + 1}:${node.startPosition.column + 1}`;
      const snippet = node.text.replace(/\s+/g, " ").slice(0, 60);
      found.push(node.isMissing ? `${where}: MISSING ${node.type}` : `${where}: ERROR near '${snippet}'`);
    }
    if (cursor.gotoFirstChild()) {
      continue;
    }
    while (!cursor.gotoNextSibling()) {
      if (!cursor.gotoParent()) {
        done = true;
        break;
      }
    }
  }
  return found;
}

function toJson(cursor) {
  const node = cursor.currentNode;
  // Offsets are UTF-16 code units, as in JavaScript and .NET strings, so readers can slice the source.
  const out = {
    type: node.type,
    named: node.isNamed,
    line: node.startPosition.row + 1,
    column: node.startPosition.column + 1,
    start: node.startIndex,
    end: node.endIndex,
  };
  if (cursor.currentFieldName) {
    out.field = cursor.currentFieldName;
  }
  if (cursor.gotoFirstChild()) {
    out.children = [];
    do {
      out.children.push(toJson(cursor));
    } while (cursor.gotoNextSibling());
    cursor.gotoParent();
  }
  return out;
}

async function main() {
  const [mode, ...files] = process.argv.slice(2);
  if (!["check", "tree"].includes(mode) || files.length === 0) {
    fail("usage: node parse.js check|tree FILE...");
  }
  if (!fs.existsSync(runtime) || !fs.existsSync(grammar)) {
    fail(`packages missing in ${__dirname}: run 'npm ci' there first`);
  }

  const { Parser, Language } = require(runtime);
  await Parser.init();
  const parser = new Parser();
  parser.setLanguage(await Language.load(grammar));

  const results = [];
  for (const file of files) {
    let source;
    try {
      source = fs.readFileSync(file, "utf8");
    } catch (e) {
      fail(`cannot read ${file}: ${e.message}`);
    }
    const tree = parser.parse(source);
    results.push({ file, errors: problems(file, tree.rootNode), tree });
  }

  const errors = results.flatMap((r) => r.errors);
  if (mode === "check") {
    errors.forEach((e) => process.stdout.write(e + "\n"));
    process.stdout.write(`${files.length} file(s) parsed, ${errors.length} syntax error(s)\n`);
  } else {
    const trees = results.map((r) => ({ file: r.file, errors: r.errors, root: toJson(r.tree.walk()) }));
    process.stdout.write(JSON.stringify(trees));
  }
  process.exitCode = errors.length > 0 ? 1 : 0;
}

main().catch((e) => fail(e.stack || String(e)));
